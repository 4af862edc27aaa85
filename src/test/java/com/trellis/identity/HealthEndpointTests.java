package com.trellis.identity;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Deployments and scripts wait on the health endpoint; nothing else of the actuator is
 * reachable.
 */
@TrellisTest
class HealthEndpointTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void anAnonymousCallerSeesOnlyThatTrellisIsUp() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			var response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			assertThat(JsonPath.<String>read(response.getContentAsString(), "$.status")).as(path).isEqualTo("UP");
			assertThat(response.getContentAsString()).as(path)
				.doesNotContain("components", "details", "diskSpace", "db");
		}
	}

	@Test
	void noOtherActuatorEndpointIsReachableEvenForAnAdmin() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(admin)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/heapdump", "/actuator/loggers", "/actuator/mappings", "/actuator/modulith",
				"/actuator/health/db")) {
			assertThat(this.mvc.perform(get(path)).andReturn().getResponse().getStatus()).as("anonymous %s", path)
				.isNotEqualTo(200);
			assertThat(this.mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus())
				.as("admin %s", path)
				.isEqualTo(404);
		}
	}

}
