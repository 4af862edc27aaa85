package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class PartnerScoresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerScores scores;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Test
	void theDemoIsScoredAtStartUpWithTwelveWeeksOfHistoryOneRowPerPartnerAndWeek() {
		long partners = this.jdbc.sql("SELECT count(*) FROM partner WHERE id <= 60").query(Long.class).single();
		var weeks = this.jdbc.sql("SELECT count(DISTINCT week_start) FROM partner_score_week WHERE partner_id <= 60")
			.query(Long.class)
			.single();
		assertThat(weeks).isGreaterThanOrEqualTo(13);
		var thisWeek = this.jdbc.sql("""
				SELECT count(*) FROM partner_score_week WHERE partner_id <= 60 AND week_start = :week
				""").param("week", this.scores.weekStart(this.calendar.today())).query(Long.class).single();
		assertThat(thisWeek).isEqualTo(partners * 3);
		var firstWeek = this.jdbc.sql("""
				SELECT count(*) FROM partner_score_week WHERE partner_id <= 60
				  AND week_start = (SELECT min(week_start) FROM partner_score_week)
				""").query(Long.class).single();
		assertThat(firstWeek).as("partners created since are not scored in weeks before they existed")
			.isLessThanOrEqualTo(partners * 3);
		var known = this.jdbc
			.sql("SELECT count(*) FROM partner_score_week WHERE score IS NOT NULL AND partner_id <= 60")
			.query(Long.class)
			.single();
		assertThat(known).as("the demo gives most partners scores").isGreaterThan(partners);
		for (var table : java.util.List.of("cosell_request", "deal_partner_attachment", "enablement_completion")) {
			assertThat(this.fixtures.count(table)).as(table).isPositive();
		}
		var behaviourKnown = this.jdbc.sql("""
				SELECT count(*) FROM partner_score_week WHERE partner_id <= 60 AND pillar = 'BEHAVIOUR'
				  AND score IS NOT NULL AND week_start = :week
				""").param("week", this.scores.weekStart(this.calendar.today())).query(Long.class).single();
		assertThat(behaviourKnown).as("behaviour scores from the demo's co-sell requests and activity")
			.isGreaterThan(partners / 3);
	}

	@Test
	void aPartnersContributionsAddUpToEachScoreAndUnknownScoresSayWhy() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var body = admin.get("/api/v1/partners/1/scores")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.computed").value(true))
			.andExpect(jsonPath("$.fiscalWeek").value(startsWith("20")))
			.andExpect(jsonPath("$.history.length()").value(greaterThanOrEqualTo(13)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var card = new tools.jackson.databind.json.JsonMapper().readTree(body);
		for (var pillar : card.get("scores")) {
			var signals = pillar.get("signals");
			assertThat(signals.size()).isPositive();
			if (pillar.get("score").isNull()) {
				assertThat(pillar.get("unknownReason").asString()).isNotBlank();
				continue;
			}
			assertThat(pillar.get("basis").asString()).isIn("LEARNED", "RUBRIC");
			assertThat(pillar.get("basisReason").asString()).isNotBlank();
			var sum = pillar.get("basePoints").isNull() ? BigDecimal.ZERO : pillar.get("basePoints").decimalValue();
			for (var signal : signals) {
				assertThat(signal.get("definition").asString()).isNotBlank();
				if (!signal.get("points").isNull()) {
					sum = sum.add(signal.get("points").decimalValue());
				}
			}
			assertThat(sum).as(pillar.get("pillar").asString())
				.isEqualByComparingTo(pillar.get("score").decimalValue());
		}
	}

	@Test
	void signalsThatBecameUnknownShowTheirLostPointsSoTheChangesAddUpToTheScoresChange() throws Exception {
		long partner = this.fixtures.partner("Lost Signals GmbH", this.fixtures.user(Role.PAM).userId());
		var thisWeek = this.scores.weekStart(this.calendar.today());
		var lastWeek = this.scores.weekStart(thisWeek.minusDays(1));
		var signals = Rubric.standard().of(Pillar.BEHAVIOUR).stream().map(e -> e.signal().key()).toList();
		storeBehaviour(partner, lastWeek, "56.1", signals, new String[] { "10.0", "10.0", "36.1" });
		storeBehaviour(partner, thisWeek, "45.1", signals, new String[] { null, null, "45.1" });
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var body = admin.get("/api/v1/partners/" + partner + "/scores")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var card = new tools.jackson.databind.json.JsonMapper().readTree(body);
		for (var pillar : card.get("scores")) {
			if (!"BEHAVIOUR".equals(pillar.get("pillar").asString())) {
				continue;
			}
			assertThat(pillar.get("score").decimalValue()).isEqualByComparingTo("45.1");
			assertThat(pillar.get("change").decimalValue()).isEqualByComparingTo("-11.0");
			var points = BigDecimal.ZERO;
			var changes = BigDecimal.ZERO;
			for (var signal : pillar.get("signals")) {
				if (!signal.get("points").isNull()) {
					points = points.add(signal.get("points").decimalValue());
				}
				assertThat(signal.get("pointsChange").isNull()).as(signal.get("key").asString()).isFalse();
				changes = changes.add(signal.get("pointsChange").decimalValue());
			}
			assertThat(points).as("contributions add up to the score").isEqualByComparingTo("45.1");
			assertThat(changes).as("changes add up to the score's change").isEqualByComparingTo("-11.0");
			var lost = pillar.get("signals").get(0);
			assertThat(lost.get("pointsChange").decimalValue()).isEqualByComparingTo("-10.0");
			assertThat(lost.get("changeNote").asString()).contains("Not counted this week", "10.0");
		}
	}

	private void storeBehaviour(long partner, java.time.LocalDate week, String score, java.util.List<String> signals,
			String[] points) {
		this.jdbc.sql("""
				INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
				VALUES (:partner, :week, 'FY-test', :week, 'BEHAVIOUR', :score, now())
				""").param("partner", partner).param("week", week).param("score", new BigDecimal(score)).update();
		for (int i = 0; i < signals.size(); i++) {
			var value = i < points.length ? points[i] : "0.0";
			this.jdbc.sql("""
					INSERT INTO partner_signal_week (partner_id, week_start, signal, pillar, value, points, reason)
					VALUES (:partner, :week, :signal, 'BEHAVIOUR', :value, :points, :reason)
					""")
				.param("partner", partner)
				.param("week", week)
				.param("signal", signals.get(i))
				.param("value", value == null ? null : BigDecimal.ONE)
				.param("points", value == null ? null : new BigDecimal(value))
				.param("reason", value == null ? "no data in the window" : "read")
				.update();
		}
	}

	@Test
	void aPartnerSeesOnlyItsOwnScoresAndNoRanking() throws Exception {
		var world = this.fixtures.world("Scored Partners");
		var other = this.fixtures.world("Other Scored Partners");
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		partner.get("/api/v1/partners/" + world.partnerId() + "/scores").andExpect(status().isOk());
		partner.get("/api/v1/partners/" + other.partnerId() + "/scores").andExpect(status().isNotFound());
		partner.get("/api/v1/scores").andExpect(status().isForbidden());
		partner.get("/api/v1/scores/export.csv").andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(world.ae())).get("/api/v1/scores").andExpect(status().isForbidden());
	}

	@Test
	void aPamListsTheirBookAndExportsItAsCsv() throws Exception {
		var world = this.fixtures.world("Booked Partners");
		this.scores.recordWeek(this.calendar.today());
		var pam = new Api(this.mvc, this.fixtures.token(world.pam()));
		pam.get("/api/v1/scores?sort=trust")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].partnerId").value(world.partnerId()))
			.andExpect(jsonPath("$.items[0].partnerName").value("Booked Partners"));
		pam.get("/api/v1/scores?sort=name")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
		pam.get("/api/v1/scores/export.csv")
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Booked Partners")));
	}

	@Test
	void aPamOpensAScorecardWithExplanationsAndHistoryAndThePartnerSeesItsOwnInThePortal() throws Exception {
		var pam = login(
				this.jdbc.sql("SELECT email FROM app_user WHERE id = (SELECT owner_pam_id FROM partner WHERE id = 1)")
					.query(String.class)
					.single(),
				"demo");
		var page = this.mvc.perform(get("/partners/1/scorecard").session(pam))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Co-sell responsiveness", "Median hours from a co-sell request", "score-history",
				"Joint wins");
		var basis = this.jdbc.sql("""
				SELECT basis FROM partner_score_week WHERE partner_id = 1 AND pillar = 'BEHAVIOUR'
				ORDER BY week_start DESC LIMIT 1
				""").query(String.class).single();
		if ("LEARNED".equals(basis)) {
			assertThat(page).as("learned weights show the learned coefficient, not the rubric's weight")
				.contains("Weight learned from outcomes: ")
				.doesNotContain("learned: learned")
				.doesNotContain("Weight 25 of 100");
		}
		else {
			assertThat(page).contains("Weight 25 of 100");
		}
		// the book is paged by 50 and other tests add partners to it: look through its
		// pages
		var listed = false;
		for (int number = 0; number < 20 && !listed; number++) {
			var list = this.mvc.perform(get("/scores?sort=behaviour&page=" + number).session(pam))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			listed = list.contains("/partners/1/scorecard");
			if (!list.contains("/scorecard\"")) {
				break;
			}
		}
		assertThat(listed).as("the PAM's score list links partner 1's scorecard").isTrue();
		var partner = login("partner@northwind.demo", "demo");
		this.mvc.perform(get("/partners/1/scorecard/summary").session(partner))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Behaviour")));
		this.mvc.perform(get("/partners/2/scorecard").session(partner)).andExpect(status().isNotFound());
		this.mvc.perform(get("/scores").session(partner)).andExpect(status().isForbidden());
	}

	@Test
	void aPagePastTheEndOfTheScoreListLeadsBackToItsLastPage() throws Exception {
		var pam = login("pam@trellis.demo", "demo");
		var page = this.mvc.perform(get("/scores?sort=behaviour&page=99999").session(pam))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var links = java.util.regex.Pattern.compile("/scores\\?sort=behaviour&amp;page=(\\d+)")
			.matcher(page)
			.results()
			.map(m -> Integer.parseInt(m.group(1)))
			.toList();
		assertThat(links).as("a link back into the list").isNotEmpty().allMatch(number -> number < 1000);
	}

	@Test
	void aFirstRunThatStoppedBetweenBackfilledWeeksResumesWithOnlyTheWeeksStillMissing() {
		var thisWeek = this.scores.weekStart(this.calendar.today());
		var oldest = this.jdbc.sql("SELECT week_start FROM scoring_backfill_week ORDER BY week_start LIMIT 5")
			.query(java.time.LocalDate.class)
			.list();
		assertThat(oldest).as("the start-up run back-filled its weeks one by one").hasSize(5);
		var kept = this.jdbc.sql("""
				SELECT week_start, max(computed_at) FROM partner_score_week
				WHERE week_start > :last AND week_start < :week GROUP BY week_start ORDER BY week_start
				""")
			.param("last", oldest.get(4))
			.param("week", thisWeek)
			.query((rs, n) -> rs.getDate(1) + " " + rs.getTimestamp(2))
			.list();
		this.jdbc.sql("DELETE FROM scoring_run").update();
		for (var table : java.util.List.of("partner_signal_week", "partner_score_week", "scoring_backfill_week")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE week_start <= :last").param("last", oldest.get(4)).update();
		}
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.scores.runDaily()).isTrue();

		var refilled = this.jdbc
			.sql("SELECT count(DISTINCT week_start) FROM partner_score_week WHERE week_start <= :last")
			.param("last", oldest.get(4))
			.query(Long.class)
			.single();
		assertThat(refilled).as("the five weeks the crash left out are scored").isEqualTo(5);
		var after = this.jdbc.sql("""
				SELECT week_start, max(computed_at) FROM partner_score_week
				WHERE week_start > :last AND week_start < :week GROUP BY week_start ORDER BY week_start
				""")
			.param("last", oldest.get(4))
			.param("week", thisWeek)
			.query((rs, n) -> rs.getDate(1) + " " + rs.getTimestamp(2))
			.list();
		assertThat(after).as("weeks already stored are not scored again").isEqualTo(kept);
		assertThat(this.jdbc.sql("SELECT count(*) FROM scoring_run").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aScorecardOnLearnedWeightsShowsEachSignalsLearnedCoefficientInsteadOfTheRubricsWeight() throws Exception {
		var week = this.jdbc.sql("SELECT max(week_start) FROM partner_score_week WHERE partner_id = 2")
			.query(java.time.LocalDate.class)
			.single();
		this.jdbc.sql("""
				UPDATE partner_score_week SET basis = 'LEARNED', basis_reason = 'learned from a test', base_points = 40
				WHERE partner_id = 2 AND week_start = :week
				""").param("week", week).update();
		this.jdbc.sql("""
				UPDATE partner_signal_week
				SET note = '+1.20 log-odds per unit of share × (share 0.50 − baseline 0.40)'
				WHERE partner_id = 2 AND week_start = :week
				""").param("week", week).update();
		var pam = login(
				this.jdbc.sql("SELECT email FROM app_user WHERE id = (SELECT owner_pam_id FROM partner WHERE id = 2)")
					.query(String.class)
					.single(),
				"demo");

		var page = this.mvc.perform(get("/partners/2/scorecard").session(pam))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Weight learned from outcomes: +1.20 log-odds per unit of share")
			.doesNotContain(" of 100:");
	}

	private org.springframework.mock.web.MockHttpSession login(String email, String password) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (org.springframework.mock.web.MockHttpSession) result.getRequest().getSession(false);
	}

	@Test
	void twoInstancesRunningTheDailyJobAtOnceScoreTheDayOnce() throws Exception {
		this.clock.advance(Duration.ofDays(3));
		Callable<Boolean> run = this.scores::runDaily;
		var pool = Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(run);
			var second = pool.submit(run);
			assertThat(java.util.List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.scores.runDaily()).isFalse();
		var day = this.calendar.today();
		assertThat(this.jdbc.sql("SELECT count(*) FROM scoring_run WHERE day = ?")
			.param(java.sql.Date.valueOf(day))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
