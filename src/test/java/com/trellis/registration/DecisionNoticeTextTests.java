package com.trellis.registration;

import java.time.Duration;

import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * try32: a PAM's decision on a registration (reject, send back) tells the partner in a
 * notice whose subject holds the customer's name and whose body holds the PAM's reason,
 * both read through {@link com.trellis.shared.StoredFigures}: a name or reason holding
 * "{percent:5}" or a lone brace reads back exactly as written (it read "5.0 %" and lost a
 * doubled brace).
 */
@TrellisTest
class DecisionNoticeTextTests {

	private static final String FORGED = "{percent:5} and {{ and a lone {";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Test
	void aRejectionAndASendBackReadTheNameAndTheReasonAsWritten() throws Exception {
		var world = this.fixtures.world("Decision Notice Partners");
		var rejected = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Brace " + FORGED + " Corp", "brace-reject-try32.com"));
		var sentBack = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Other " + FORGED + " Corp", "brace-sendback-try32.com"));

		this.registrations.reject(world.pam(), rejected.id(), "Reason " + FORGED);
		this.registrations.sendBack(world.pam(), sentBack.id(), "Tell us " + FORGED);

		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> partner.get("/api/v1/partners/" + world.partnerId() + "/notifications")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.link == '/registrations/" + rejected.id() + "')].subject")
					.value(org.hamcrest.Matchers.hasItem("Registration rejected: Brace " + FORGED + " Corp")))
				.andExpect(jsonPath("$[?(@.link == '/registrations/" + rejected.id() + "')].body")
					.value(org.hamcrest.Matchers.hasItem("Rejected: Reason " + FORGED)))
				.andExpect(jsonPath("$[?(@.link == '/registrations/" + sentBack.id() + "')].body")
					.value(org.hamcrest.Matchers
						.hasItem("Your partner manager needs more information: Tell us " + FORGED))));
	}

}
