package com.trellis.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Calls the REST API through MockMvc with a personal API token, as a script would.
 */
public record Api(MockMvc mvc, String token) {

	public ResultActions get(String url) throws Exception {
		return this.mvc.perform(authorized(MockMvcRequestBuilders.get(url)));
	}

	public ResultActions post(String url, String json) throws Exception {
		return this.mvc.perform(authorized(MockMvcRequestBuilders.post(url)).content(json));
	}

	public ResultActions put(String url, String json) throws Exception {
		return this.mvc.perform(authorized(MockMvcRequestBuilders.put(url)).content(json));
	}

	public ResultActions delete(String url) throws Exception {
		return this.mvc.perform(authorized(MockMvcRequestBuilders.delete(url)));
	}

	private MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + this.token).contentType(MediaType.APPLICATION_JSON);
	}

}
