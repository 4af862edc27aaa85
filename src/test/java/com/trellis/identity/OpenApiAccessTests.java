package com.trellis.identity;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The OpenAPI description and Swagger UI are for signed-in users, and describe only
 * parameters a caller can send.
 */
@TrellisTest
class OpenApiAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anAnonymousCallerGetsUnauthorizedForTheDescriptionAndTheSignInPageForTheUi() throws Exception {
		var json = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
		assertThat(json.getStatus()).isEqualTo(401);
		assertThat(json.getContentType()).startsWith("application/problem+json");
		assertThat(this.mvc.perform(get("/v3/api-docs/swagger-config")).andReturn().getResponse().getStatus())
			.isEqualTo(401);

		for (String ui : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
			var page = this.mvc.perform(get(ui)).andReturn().getResponse();
			assertThat(page.getStatus()).as(ui).isEqualTo(302);
			assertThat(page.getRedirectedUrl()).as(ui).endsWith("/login");
		}
	}

	@Test
	void aSignedInUserReadsTheDescriptionWithASessionOrAToken() throws Exception {
		var user = this.fixtures.user(Role.PARTNER, this.fixtures.world("OpenAPI Partner").partnerId(), null);
		var session = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(user)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);

		var withSession = this.mvc
			.perform(get("/v3/api-docs").session((org.springframework.mock.web.MockHttpSession) session))
			.andReturn()
			.getResponse();
		assertThat(withSession.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<String>read(withSession.getContentAsString(), "$.openapi")).startsWith("3.");

		var withToken = this.mvc
			.perform(get("/v3/api-docs").header("Authorization", "Bearer " + this.fixtures.token(user)))
			.andReturn()
			.getResponse();
		assertThat(withToken.getStatus()).isEqualTo(200);
	}

	@Test
	void noOperationListsTheInternalViewerParameter() throws Exception {
		var token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var json = this.mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<Map<String, Object>> parameters = JsonPath.read(json, "$.paths.*.*.parameters[*]");
		assertThat(parameters).isNotEmpty();
		assertThat(parameters).extracting(parameter -> parameter.get("name")).doesNotContain("viewer");
		assertThat(json).doesNotContain("\"Viewer\"");
	}

}
