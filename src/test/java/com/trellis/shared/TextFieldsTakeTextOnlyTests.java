package com.trellis.shared;

import java.time.Duration;

import com.trellis.guidance.Guidance;
import com.trellis.guidance.Kind;
import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A text field of any API takes JSON text only: a number or true/false sent where text
 * belongs is refused with a 400 naming the field, and nothing changes; it is never stored
 * as the text "5" or "true".
 */
@TrellisTest
class TextFieldsTakeTextOnlyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Guidance guidance;

	@Autowired
	TestClock clock;

	@Test
	void aRecommendationDismissedWithANumberAsItsReasonIsRefusedNamingTheReason() throws Exception {
		var world = this.fixtures.world("Text Only Reason");
		this.clock.set(TestClock.START.plus(Duration.ofDays(977)));
		this.guidance.runDaily();
		long id = this.guidance.current(world.ae())
			.stream()
			.filter(r -> r.kind() == Kind.STALLED_DEAL && r.actionLink().equals("/opportunities/" + world.dealId()))
			.findFirst()
			.orElseThrow()
			.id();
		var api = new Api(this.mvc, this.fixtures.token(world.ae()));

		api.post("/api/v1/guidance/" + id + "/dismiss", "{\"reason\": 5}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("must be text")));
		api.post("/api/v1/guidance/" + id + "/dismiss", "{\"reason\": false}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));

		assertThat(this.guidance.requireOwn(world.ae(), id).state()).isEqualTo("OPEN");
		assertThat(this.guidance.requireOwn(world.ae(), id).dismissReason()).isNull();
	}

	@Test
	void aPlayWithTrueOrANumberInATextFieldIsRefusedNamingEachAndNothingIsWritten() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		long before = this.fixtures.count("play");
		admin.post("/api/v1/plays", """
				{"title": true, "moment": "DISCOVERY", "role": "AE", "buyer": 12.5,
				 "whyPartner": "They run the platform", "whenToBring": "Before the demo",
				 "problem": "No credible rollout", "partnerTypes": ["SI"]}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("title", "buyer")));
		admin.post("/api/v1/plays", PlaysJson.withVerticals("[7]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("verticals[0]"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("must be text")));
		assertThat(this.fixtures.count("play")).isEqualTo(before);
	}

	/** A play that is good but for its verticals. */
	private static final class PlaysJson {

		static String withVerticals(String verticals) {
			return """
					{"title": "Land with the SI", "moment": "DISCOVERY", "role": "AE", "buyer": "The CIO",
					 "whyPartner": "They run the platform", "whenToBring": "Before the demo",
					 "problem": "No credible rollout", "partnerTypes": ["SI"], "verticals": %s}
					""".formatted(verticals);
		}

	}

}
