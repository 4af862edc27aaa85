package com.trellis.scoring;

import java.util.Locale;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.StoredFigures;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Use of recommended plays" counts the plays that were recommended for the deal they
 * were used on (fitting its partner's type, verticals and capabilities, its customer and
 * its stage), not every play attached.
 */
@TrellisTest
class RecommendedPlayUseTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ScoringRecords records;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void aPartnerGetsCreditForARecommendedPlayAndNoneForOneThatWasNotRecommended() throws Exception {
		// the fixture's partner is a systems integrator; its deal is at Qualified (the
		// discovery moment) with a retail customer
		var notRecommended = this.fixtures.world("Plays Off Script");
		var recommended = this.fixtures.world("Plays On Script");
		long offScript = play("Objection play for resellers", "OBJECTION", "RESELLER");
		long onScript = play("Retail discovery with the SI", "DISCOVERY", "SI");

		attach(notRecommended, offScript);
		assertThat(playUse(notRecommended).value()).isZero();
		assertThat(StoredFigures.render(playUse(notRecommended).reason(), Locale.US))
			.startsWith("0 recommended plays used");

		attach(recommended, onScript);
		attach(recommended, offScript);
		var reading = playUse(recommended);
		assertThat(reading.value()).isEqualByComparingTo("0.33");
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).startsWith("1 recommended play used");
	}

	private Reading playUse(Fixtures.World world) {
		var asOf = new AsOf(this.calendar.today(), this.calendar.startOf(this.calendar.today().plusDays(1)));
		var loaded = this.records.load(world.partnerId(), asOf, this.calendar.zone()).get(world.partnerId());
		return new PlayUse().read(loaded, asOf);
	}

	private void attach(Fixtures.World world, long play) throws Exception {
		new Api(this.mvc, this.fixtures.token(world.ae()))
			.post("/api/v1/opportunities/" + world.dealId() + "/plays", "{\"playId\": " + play + "}")
			.andExpect(status().isCreated());
	}

	private long play(String title, String moment, String partnerType) throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var json = admin.post("/api/v1/plays", """
				{"title": "%s", "moment": "%s", "role": "AE", "buyer": "The CIO",
				 "whyPartner": "The partner runs the customer's platform", "whenToBring": "Early",
				 "problem": "The rollout plan is not credible", "partnerTypes": ["%s"], "verticals": ["Retail"]}
				""".formatted(title, moment, partnerType))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Long.parseLong(json.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
	}

}
