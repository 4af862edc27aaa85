package com.trellis.tiers;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.partners.Tier;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class TierTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerTiers tiers;

	@Autowired
	TierEvaluation evaluation;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	com.trellis.partners.Partners partners;

	@Test
	void theDemoIsEvaluatedWeeklyFromItsScoreHistoryWithMovementsAndAnOverride() {
		var weeks = this.jdbc.sql("SELECT count(DISTINCT week_start) FROM tier_evaluation").query(Long.class).single();
		assertThat(weeks).as("every finished week of the demo's score history").isGreaterThanOrEqualTo(12);
		var moves = this.jdbc.sql("SELECT count(*) FROM tier_change WHERE kind = 'SCORES'").query(Long.class).single();
		assertThat(moves).as("partners moved by their scores").isPositive();
		var admin = this.fixtures.user(Role.ADMIN);
		var overrides = this.tiers.overrides(admin, true);
		assertThat(overrides).extracting(TierOverride::reason)
			.contains("Launch partner for the healthcare vertical: invest ahead of the scores");
		var trend = this.tiers.trend(admin);
		assertThat(trend.weeks()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(trend.weeks().stream().mapToLong(w -> w.movedUp() + w.movedDown()).sum()).isPositive();
	}

	@Test
	void aPartnerHoldingTheTier1ThresholdsForThreeWeeksMovesUpOnceWithHistoryAuditAndOneNotice() throws Exception {
		var world = this.fixtures.world("Tier Climber");
		var weeks = lastFinishedWeeks(4);
		scores(world.partnerId(), weeks.get(0), "10.0", "10.0", "10.0");
		for (var week : weeks.subList(1, 4)) {
			scores(world.partnerId(), week, "80.0", "80.0", "80.0");
		}
		this.tiers.evaluate();
		this.tiers.evaluate();
		var history = this.tiers.history(world.pam(), world.partnerId());
		assertThat(history).hasSize(1);
		var change = history.get(0);
		assertThat(change.from()).isEqualTo(Tier.TIER_2_EMERGING);
		assertThat(change.to()).isEqualTo(Tier.TIER_1_INVEST);
		assertThat(change.kind()).isEqualTo("SCORES");
		assertThat(change.reason()).startsWith("held the Tier 1 · Invest thresholds or above for 3 consecutive");
		assertThat(change.trust()).isEqualByComparingTo("80.0");
		assertThat(this.fixtures.count("tier_evaluation WHERE partner_id = " + world.partnerId())).isEqualTo(4);
		var audited = this.jdbc.sql(
				"SELECT count(*) FROM audit_entry WHERE entity_type = 'partner' AND entity_id = :id AND action LIKE 'tier %'")
			.param("id", String.valueOf(world.partnerId()))
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("SELECT count(*) FROM notification WHERE partner_id = :id AND kind = 'TIER_CHANGED'")
						.param("id", world.partnerId())
						.query(Long.class)
						.single())
				.isEqualTo(1));
		var partnerApi = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		partnerApi.get("/api/v1/partners/" + world.partnerId() + "/tier")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tier").value("TIER_1_INVEST"))
			.andExpect(jsonPath("$.gap.next").doesNotExist());
	}

	@Test
	void theForecastCountsFollowATierMoveOfTheEvaluationAsAFullRecountWould() {
		var world = this.fixtures.world("Tier Counted");
		var weeks = lastFinishedWeeks(4);
		scores(world.partnerId(), weeks.get(0), "10.0", "10.0", "10.0");
		for (var week : weeks.subList(1, 4)) {
			scores(world.partnerId(), week, "80.0", "80.0", "80.0");
		}
		// a deal won by the partner, created today: after the evaluation it counts in the
		// tier the
		// partner moved to (the move takes effect before today)
		this.jdbc.sql("""
				INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_at)
				VALUES (:deal, NULL, 'QUALIFIED', :now), (:deal, 'QUALIFIED', 'CLOSED_WON', :now)
				""").param("deal", world.dealId()).param("now", java.sql.Timestamp.from(this.clock.instant())).update();
		this.jdbc.sql("UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = :now WHERE id = :deal")
			.param("deal", world.dealId())
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		assertThat(group(world.dealId())).isEqualTo("PARTNER:TIER_2_EMERGING");
		this.tiers.evaluate();
		assertThat(group(world.dealId())).isEqualTo("PARTNER:TIER_1_INVEST");
		var counted = this.jdbc
			.sql("SELECT stage || grp || closed || '/' || won FROM forecast_stage_count "
					+ "WHERE closed <> 0 OR won <> 0 ORDER BY 1")
			.query(String.class)
			.list();
		this.jdbc.sql("SELECT forecast_counts_rebuild()").query().singleRow();
		assertThat(this.jdbc.sql("SELECT stage || grp || closed || '/' || won FROM forecast_stage_count ORDER BY 1")
			.query(String.class)
			.list()).isEqualTo(counted);
	}

	private String group(long dealId) {
		return this.jdbc.sql("SELECT grp FROM forecast_deal_stage WHERE opportunity_id = :deal")
			.param("deal", dealId)
			.query(String.class)
			.single();
	}

	@Test
	void theCleanUpMigrationRemovesOnlyTheManualRowsThatRepeatedAScoresMoveAndAuditsEach() throws Exception {
		var world = this.fixtures.world("Tier Repeated");
		String insert = """
				INSERT INTO tier_change (partner_id, from_tier, to_tier, effective_on, kind, reason, changed_by, changed_at)
				VALUES (:partner, :from, :to, DATE '2026-11-02', :kind, 'test', NULL, TIMESTAMPTZ '2026-11-30 06:10:00+00' + CAST(:after AS INTERVAL))
				RETURNING id
				""";
		long down = change(insert, world.partnerId(), "TIER_2_EMERGING", "TIER_3_BASELINE", "SCORES", "0 s");
		change(insert, world.partnerId(), "TIER_3_BASELINE", "TIER_1_INVEST", "SCORES", "1 s");
		long repeat = change(insert, world.partnerId(), "TIER_2_EMERGING", "TIER_3_BASELINE", "MANUAL", "3 s");
		long real = change(insert, world.partnerId(), "TIER_2_EMERGING", "TIER_3_BASELINE", "MANUAL", "2 days");
		var migration = java.nio.file.Files.readString(
				java.nio.file.Path.of("src/main/resources/db/migration/V77__tiers_remove_repeated_manual_rows.sql"));
		this.jdbc.sql(migration).update();
		assertThat(this.jdbc.sql("SELECT id FROM tier_change WHERE partner_id = :p ORDER BY id")
			.param("p", world.partnerId())
			.query(Long.class)
			.list()).as("the repeat is gone; the moves and a later real manual change stay")
			.doesNotContain(repeat)
			.contains(down, real)
			.hasSize(3);
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE entity_type = 'partner' AND entity_id = :p "
					+ "AND action LIKE 'tier history: removed%'")
			.param("p", String.valueOf(world.partnerId()))
			.query(String.class)
			.list())
			.containsExactly("tier history: removed MANUAL row " + repeat + ", a repeat of SCORES move " + down);
	}

	private long change(String sql, long partner, String from, String to, String kind, String after) {
		return this.jdbc.sql(sql)
			.param("partner", partner)
			.param("from", from)
			.param("to", to)
			.param("kind", kind)
			.param("after", after)
			.query(Long.class)
			.single();
	}

	@Test
	void aPartnerMovedTwiceInOneEvaluationHasJustItsTwoMovesAndTwoNotices() {
		var world = this.fixtures.world("Tier Twice");
		var admin = this.fixtures.user(Role.ADMIN);
		int held = this.tiers.thresholds(admin).weeksHeld();
		var weeks = lastFinishedWeeks(2 * held);
		for (var week : weeks.subList(0, held)) {
			scores(world.partnerId(), week, "5.0", "5.0", "5.0");
		}
		for (var week : weeks.subList(held, 2 * held)) {
			scores(world.partnerId(), week, "80.0", "80.0", "80.0");
		}
		this.tiers.evaluate();
		await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.tiers.history(admin, world.partnerId()))
				.as("newest first: down after the weak weeks, up after the strong ones, nothing else")
				.extracting(TierChange::kind, TierChange::to)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("SCORES", Tier.TIER_1_INVEST),
						org.assertj.core.groups.Tuple.tuple("SCORES", Tier.TIER_3_BASELINE));
			assertThat(
					this.jdbc.sql("SELECT count(*) FROM notification WHERE partner_id = :id AND kind = 'TIER_CHANGED'")
						.param("id", world.partnerId())
						.query(Long.class)
						.single())
				.as("one notice per move")
				.isEqualTo(2);
		});
	}

	@Test
	void anOverrideHoldsItsTierUntilItExpiresThenTheTierFollowsTheScoresAgain() throws Exception {
		var world = this.fixtures.world("Tier Override");
		var admin = this.fixtures.user(Role.ADMIN);
		var today = this.calendar.today();
		var created = this.tiers.override(admin, world.partnerId(),
				new OverrideCommand(Tier.TIER_1_INVEST, "Strategic launch partner", today.plusDays(10)));
		assertThat(created.expiresOn()).isEqualTo(today.plusDays(10));
		var held = this.tiers.card(world.partnerUser(), world.partnerId());
		assertThat(held.tier()).isEqualTo(Tier.TIER_1_INVEST);
		// the card says the override, not the scores, holds the tier meanwhile (s55)
		assertThat(held.gap().summary()).startsWith("An override holds Tier 1 · Invest until " + today.plusDays(10));
		var thisWeek = this.evaluation.weekStart(today);
		var w1 = this.evaluation.weekStart(thisWeek.plusDays(8));
		var w2 = this.evaluation.weekStart(w1.plusDays(8));
		var w3 = this.evaluation.weekStart(w2.plusDays(8));
		for (var week : List.of(w1, w2, w3)) {
			scores(world.partnerId(), week, "5.0", "5.0", "5.0");
		}
		this.clock.set(this.calendar.startOf(w2.plusDays(1)));
		this.tiers.evaluate();
		assertThat(this.tiers.card(world.partnerUser(), world.partnerId()).tier()).as("override in force")
			.isEqualTo(Tier.TIER_1_INVEST);
		this.clock.set(this.calendar.startOf(w3.plusDays(10)));
		this.tiers.evaluate();
		var card = this.tiers.card(world.partnerUser(), world.partnerId());
		assertThat(card.tier()).as("three weeks below after the override expired").isEqualTo(Tier.TIER_3_BASELINE);
		assertThat(card.overriddenUntil()).isNull();
		// the expiry is in the history though the rules kept the tier that day (fault
		// 85),
		// and it starts no new count: the weak weeks still moved the tier down
		assertThat(this.tiers.history(admin, world.partnerId())).extracting(TierChange::kind)
			.containsExactly("SCORES", "OVERRIDE_ENDED", "OVERRIDE");
		assertThat(this.tiers.overrides(admin, false)).filteredOn(o -> o.partnerId() == world.partnerId())
			.singleElement()
			.satisfies(o -> assertThat(o.endedNote()).isEqualTo("expired on " + today.plusDays(10)));
	}

	@Test
	void thresholdsAreSetByAnAdminOnlyAndBadOnesChangeNothing() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var pam = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PAM)));
		var before = this.tiers.thresholds(this.fixtures.user(Role.ADMIN));
		pam.put("/api/v1/tiers/thresholds", "{\"tier1Readiness\": 999}").andExpect(status().isForbidden());
		admin.put("/api/v1/tiers/thresholds", """
				{"tier1Readiness": 101, "tier1Behaviour": 50, "tier1Trust": 50, "tier2Readiness": 60,
				 "tier2Behaviour": 20, "tier2Trust": 20, "weeksHeld": 0}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("tier1Readiness", "weeksHeld")));
		// a Tier 2 score above Tier 1's is named with a bad weeksHeld, in one answer
		// (try54)
		admin.put("/api/v1/tiers/thresholds", """
				{"tier1Readiness": 45, "tier1Behaviour": 50, "tier1Trust": 50, "tier2Readiness": 50,
				 "tier2Behaviour": 20, "tier2Trust": 20, "weeksHeld": 27}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("weeksHeld", "tier2Readiness")));
		assertThat(this.tiers.thresholds(this.fixtures.user(Role.ADMIN))).isEqualTo(before);
	}

	@Test
	void aThresholdWithAFractionIsRefusedNamingItRatherThanCutToAWholeNumber() throws Exception {
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		var before = this.tiers.thresholds(this.fixtures.user(Role.ADMIN));
		var changedAt = this.jdbc.sql("SELECT updated_at::text FROM tier_policy").query(String.class).single();
		admin.put("/api/v1/tiers/thresholds", """
				{"tier1Readiness": 45.5, "tier1Behaviour": 55, "tier1Trust": 45, "tier2Readiness": 20,
				 "tier2Behaviour": 30, "tier2Trust": 15, "weeksHeld": 3}
				""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tier1Readiness"));
		assertThat(this.tiers.thresholds(this.fixtures.user(Role.ADMIN))).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT updated_at::text FROM tier_policy").query(String.class).single())
			.as("nothing saved")
			.isEqualTo(changedAt);
	}

	@Test
	void theTierFormsAnswerAnUnreadableValueOnTheFormNamingTheFieldAndSaveNothing() throws Exception {
		var world = this.fixtures.world("Tier Form Typo");
		var before = this.tiers.thresholds(this.fixtures.user(Role.ADMIN));
		var admin = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", "admin@trellis.demo").param("password", "demo").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc
			.perform(post("/tiers/thresholds").param("tier1Readiness", "abc")
				.param("tier1Behaviour", "56")
				.param("tier1Trust", "45")
				.param("tier2Readiness", "20")
				.param("tier2Behaviour", "30")
				.param("tier2Trust", "15")
				.param("weeksHeld", "3")
				.session(admin)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tiers"))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("Tier 1 readiness")));
		var page = this.mvc.perform(get("/tiers").session(admin)).andReturn().getResponse().getContentAsString();
		assertThat(page).as("the other values typed are kept").contains("name=\"tier1Behaviour\" value=\"56\"");
		assertThat(this.tiers.thresholds(this.fixtures.user(Role.ADMIN))).isEqualTo(before);
		this.mvc
			.perform(post("/partners/" + world.partnerId() + "/tier/override").param("tier", "TIER_9")
				.param("expiresOn", this.calendar.today().plusYears(1).toString())
				.param("reason", "Launch partner")
				.session(admin)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/partners/" + world.partnerId() + "/tier"))
			.andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("Tier")));
		var tierPage = this.mvc.perform(get("/partners/" + world.partnerId() + "/tier").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tierPage).contains("value=\"Launch partner\"",
				"value=\"" + this.calendar.today().plusYears(1) + "\"");
		assertThat(this.fixtures.count("tier_override WHERE partner_id = " + world.partnerId())).isZero();
	}

	@Test
	void anOverrideIsRefusedNamingTheFieldWhenItExpiresTodayOrHasNoReason() throws Exception {
		var world = this.fixtures.world("Tier Refused");
		var admin = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)));
		admin
			.post("/api/v1/partners/" + world.partnerId() + "/tier/override",
					"{\"tier\": \"TIER_1_INVEST\", \"reason\": \"x\", \"expiresOn\": \"" + this.calendar.today()
							+ "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
		// a hold for a while, not for good (try71b: 2100-12-31 was taken)
		admin
			.post("/api/v1/partners/" + world.partnerId() + "/tier/override",
					"{\"tier\": \"TIER_1_INVEST\", \"reason\": \"x\", \"expiresOn\": \"2100-12-31\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(org.hamcrest.Matchers.startsWith("must be at most two years ahead")));
		admin
			.post("/api/v1/partners/" + world.partnerId() + "/tier/override",
					"{\"tier\": \"TIER_1_INVEST\", \"reason\": \" \", \"expiresOn\": \"2030-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		// both in one answer (try54 was told the reason only once the day was fixed)
		admin
			.post("/api/v1/partners/" + world.partnerId() + "/tier/override",
					"{\"tier\": \"TIER_1_INVEST\", \"reason\": \"\", \"expiresOn\": \"" + this.calendar.today() + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("reason", "expiresOn")));
		assertThat(this.fixtures.count("tier_override WHERE partner_id = " + world.partnerId())).isZero();
	}

	@Test
	void aTierChangedOnThePartnersRecordIsKeptInTheTierHistory() {
		var world = this.fixtures.world("Tier Manual");
		var admin = this.fixtures.user(Role.ADMIN);
		var p = this.partners.get(admin, world.partnerId());
		this.partners.update(admin, p.id(), new com.trellis.partners.PartnerCommand(p.name(), p.type(), p.webDomain(),
				p.verticals(), p.capabilities(), p.region(), p.onboardedOn(), p.ownerPamId(), Tier.TIER_3_BASELINE));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.tiers.history(admin, world.partnerId()))
				.extracting(TierChange::kind, TierChange::to)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("MANUAL", Tier.TIER_3_BASELINE)));
		assertThat(this.tiers.history(world.partnerUser(), world.partnerId()).get(0).reason())
			.isEqualTo("set by the program");
	}

	private List<LocalDate> lastFinishedWeeks(int count) {
		var weeks = this.jdbc
			.sql("SELECT DISTINCT week_start FROM partner_score_week WHERE week_start < :now ORDER BY week_start DESC")
			.param("now", Date.valueOf(this.evaluation.weekStart(this.calendar.today())))
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list()
			.subList(0, count);
		var oldestFirst = new java.util.ArrayList<>(weeks);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	private void scores(long partnerId, LocalDate week, String readiness, String behaviour, String trust) {
		String[] values = { readiness, behaviour, trust };
		String[] pillars = { "READINESS", "BEHAVIOUR", "TRUST" };
		for (int i = 0; i < 3; i++) {
			this.jdbc
				.sql("""
						INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
						VALUES (:partner, :week, 'W', :week, :pillar, :score, now())
						""")
				.param("partner", partnerId)
				.param("week", Date.valueOf(week))
				.param("pillar", pillars[i])
				.param("score", new java.math.BigDecimal(values[i]))
				.update();
		}
	}

}
