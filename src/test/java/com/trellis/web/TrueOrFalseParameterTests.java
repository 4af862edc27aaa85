package com.trellis.web;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A true/false parameter is true or false, as in a JSON body: yes, on, 1 or 0 are refused
 * naming the parameter instead of being read as one of them.
 */
@TrellisTest
class TrueOrFalseParameterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void yesOnOneAndZeroAreRefusedNamingTheParameterAndTrueOrFalseInAnyCaseAreTaken() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		for (var loose : new String[] { "yes", "on", "1", "0" }) {
			admin.get("/api/v1/opportunities?open=" + loose)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("open"))
				.andExpect(
						jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("true or false")));
			admin.get("/api/v1/opportunities?partnerInvolved=" + loose).andExpect(status().isBadRequest());
		}
		admin.get("/api/v1/opportunities?open=TRUE&partnerInvolved=false").andExpect(status().isOk());
		admin.get("/api/v1/opportunities?open=").andExpect(status().isOk());
	}

}
