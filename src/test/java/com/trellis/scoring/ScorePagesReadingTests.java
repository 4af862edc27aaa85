package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Scores, their moves and the points a tier still needs read in the reader's locale on
 * the score pages, the tier card and the portal, as every other figure does: a German
 * reader sees "94,2" and "+0,6", never "94.2".
 */
@TrellisTest
class ScorePagesReadingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerScores scores;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void aGermanReaderReadsScoresMovesAndMissingPointsWithADecimalComma() throws Exception {
		var world = this.fixtures.world("Lesbare Punkte");
		var thisWeek = this.scores.weekStart(this.calendar.today());
		var lastWeek = this.scores.weekStart(thisWeek.minusDays(1));
		store(world.partnerId(), lastWeek, "93.6", "70.1", "40.0");
		store(world.partnerId(), thisWeek, "94.2", "70.3", "40.5");
		var pam = reading(world.pam(), "de-DE");
		var scorecard = page("/partners/" + world.partnerId() + "/scorecard", pam);
		assertThat(scorecard).contains(">94,2<", "(+0,6 since last week)", ">70,3<").doesNotContain(">94.2<", "+0.6");
		var book = page("/scores?sort=partner", pam);
		assertThat(book).contains(">94,2<", "(+0,6)").doesNotContain(">94.2<");
		var partner = reading(world.partnerUser(), "de-DE");
		var tier = page("/partners/" + world.partnerId() + "/tier", partner);
		assertThat(tier).as("trust 40,5 has 4,5 points to go to the Tier 1 threshold of 45")
			.contains(">40,5<", ">4,5<")
			.doesNotContain(">40.5<", ">4.5<");
		var portalCard = page("/partners/" + world.partnerId() + "/scorecard/summary", partner);
		assertThat(portalCard).contains(">94,2<").doesNotContain(">94.2<");
	}

	/**
	 * Failed before: a PAM or an admin reading a partner's tier page was offered "Your
	 * three scores, explained", and the score card's heading said "Your scores".
	 */
	@Test
	void theScoreLinksSayYourOnlyToThePartnersOwnUsers() throws Exception {
		var world = this.fixtures.world("Whose Scores");
		var tier = "/partners/" + world.partnerId() + "/tier";
		var card = "/partners/" + world.partnerId() + "/scorecard/summary";
		var pam = reading(world.pam(), "en-US");
		assertThat(page(tier, pam)).contains("The partner&#39;s three scores, explained").doesNotContain("Your three");
		assertThat(page(card, pam)).contains(">Scores<").doesNotContain("Your scores");
		var partner = reading(world.partnerUser(), "en-US");
		assertThat(page(tier, partner)).contains("Your three scores, explained");
		assertThat(page(card, partner)).contains("Your scores");
	}

	private String page(String url, MockHttpSession session) throws Exception {
		return com.trellis.support.Readers.read(this.mvc, session, url);
	}

	private void store(long partner, LocalDate week, String readiness, String behaviour, String trust) {
		String[] values = { readiness, behaviour, trust };
		for (var pillar : Pillar.values()) {
			this.jdbc
				.sql("""
						INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
						VALUES (:partner, :week, 'FY-test', :week, :pillar, :score, now())
						""")
				.param("partner", partner)
				.param("week", week)
				.param("pillar", pillar.name())
				.param("score", new BigDecimal(values[pillar.ordinal()]))
				.update();
		}
	}

	private MockHttpSession reading(Viewer viewer, String locale) throws Exception {
		var session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(post("/profile/reading").param("locale", locale)
			.param("timeZone", "America/Los_Angeles")
			.session(session)
			.with(csrf()));
		return session;
	}

}
