package com.trellis.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.trellis.maturity.Questionnaire;
import com.trellis.shared.StoredFigures;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner's own maturity assessment feeds its readiness: the day after it answered, its
 * readings (the daily run's, for every partner at once, and one partner's alone) carry
 * the sales maturity with its level as the reason; the day before, and for a partner
 * never assessed, it is unknown.
 */
@TrellisTest
class SalesMaturityReadinessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReadingsLoader loader;

	@Autowired
	TestClock clock;

	@Test
	void thePartnersLatestMaturityAssessmentIsAReadinessInputWithItsLevelAsTheReason() throws Exception {
		var assessed = this.fixtures.world("Maturity Feeds Readiness");
		var never = this.fixtures.world("Maturity Never Assessed");
		// the day the partners joined, before the assessment
		var before = this.loader.dayOf(this.clock.instant());
		this.clock.advance(Duration.ofDays(1));
		var answers = Questionnaire.PARTNER.questions()
			.stream()
			.map(q -> "\"" + q.id() + "\": 4")
			.collect(Collectors.joining(", "));
		new Api(this.mvc, this.fixtures.token(assessed.partnerUser()))
			.post("/api/v1/maturity/partners/" + assessed.partnerId(), "{\"answers\": {" + answers + "}}")
			.andExpect(status().isCreated());
		this.clock.advance(Duration.ofDays(1));
		var day = this.loader.dayOf(this.clock.instant());

		var daily = this.loader.at(List.of(before, day), day);
		var reading = daily.get(day).get(assessed.partnerId()).readings().get("sales-maturity");
		assertThat(reading.known()).isTrue();
		assertThat(reading.value()).isEqualByComparingTo("100");
		assertThat(StoredFigures.render(reading.reason(), Locale.US))
			.startsWith("level 5 — Ecosystem-led, 100 of 100 in the maturity assessment");
		assertThat(this.loader.onePartnerAt(assessed.partnerId(), day).readings().get("sales-maturity"))
			.isEqualTo(reading);
		assertThat(daily.get(before).get(assessed.partnerId()).readings().get("sales-maturity").known()).isFalse();
		assertThat(StoredFigures.render(daily.get(day).get(never.partnerId()).readings().get("sales-maturity").reason(),
				Locale.US))
			.startsWith("no sales maturity assessment by");
	}

}
