package com.trellis.shared;

import java.util.ArrayList;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A body of the wrong content type is refused after the role and owner checks (s52: a
 * mapping's {@code consumes} answered 415 to anyone, before them: a partner user sending
 * JSON to another partner's account list learned the operation was there).
 */
@TrellisTest
class BodyTypesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noOperationIsChosenByItsContentType() {
		var declaring = new ArrayList<String>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (!info.getConsumesCondition().isEmpty()) {
				declaring.add(info + " " + method);
			}
		});
		assertThat(declaring).as("mappings with consumes (a 415 before the role and owner checks)").isEmpty();
	}

	@Test
	void aWrongContentTypeIsTheLastThingChecked() throws Exception {
		var world = this.fixtures.world("Body Type Partners");
		var other = this.fixtures.world("Body Type Others");
		var partner = this.fixtures.token(world.partnerUser());
		var admin = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var rep = this.fixtures.token(world.ae());

		// the account list: another partner's is not found, one's own is told the type
		send(partner, "/api/v1/partners/" + other.partnerId() + "/account-list").andExpect(status().isNotFound());
		send(partner, "/api/v1/partners/" + world.partnerId() + "/account-list")
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail")
				.value("Send the body as text/csv or text/plain (Content-Type was 'application/json')."));
		send(admin, "/api/v1/partners/" + other.partnerId() + "/account-list")
			.andExpect(status().isUnsupportedMediaType());

		// readiness materials: partner users only, their own partner's
		send(admin, "/api/v1/partners/" + world.partnerId() + "/readiness/materials").andExpect(status().isForbidden());
		send(partner, "/api/v1/partners/" + other.partnerId() + "/readiness/materials")
			.andExpect(status().isNotFound());
		send(partner, "/api/v1/partners/" + world.partnerId() + "/readiness/materials")
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail")
				.value("Send the body as multipart/form-data (Content-Type was 'application/json')."));

		// the retired completions import: admins only, who are told where it went
		send(rep, "/api/v1/enablement/completions/import").andExpect(status().isForbidden());
		send(admin, "/api/v1/enablement/completions/import").andExpect(status().isGone());
	}

	private ResultActions send(String token, String path) throws Exception {
		return this.mvc.perform(
				post(path).header("Authorization", "Bearer " + token).contentType("application/json").content("{}"));
	}

}
