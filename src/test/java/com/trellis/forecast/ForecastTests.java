package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Learned probabilities and roll-ups on a program with known conversion counts (no demo
 * data).
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ForecastTests {

	@Autowired
	Forecasts forecasts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ForecastQuotas quotas;

	@Autowired
	ForecastHistory history;

	@Autowired
	com.trellis.audit.AuditLog audit;

	@Autowired
	MockMvc mvc;

	@Test
	void probabilitiesAreLearnedPerGroupAndRollUpsWeighTheOpenPipeline() {
		var admin = this.fixtures.user(Role.ADMIN);
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Forecast Partner", pam.userId());
		this.jdbc.sql("UPDATE partner SET tier = 'TIER_1_INVEST' WHERE id = ?").param(partner).update();
		long account = this.fixtures.account("Forecast customer", "forecast-customer.com", rep.userId());
		// 40 closed tier-1 partner deals passed QUALIFIED: 30 won
		for (int i = 0; i < 40; i++) {
			closed(account, rep, partner, i < 30);
		}
		var probabilities = this.forecasts.probabilities();
		assertThat(probabilities.get("QUALIFIED").get("PARTNER:TIER_1_INVEST").probability())
			.isEqualByComparingTo("0.75");
		assertThat(probabilities.get("QUALIFIED").get("PARTNER:TIER_3_BASELINE").probability())
			.as("thin tier falls back to all partner deals")
			.isEqualByComparingTo("0.75");
		assertThat(probabilities.get("QUALIFIED").get("DIRECT").basis()).contains("configured default");

		var norms = this.forecasts.norms();
		// each history deal spent 2025-05-01 to 2025-06-01 in Qualified
		assertThat(norms.get("QUALIFIED").get("PARTNER:TIER_1_INVEST"))
			.isEqualTo(new StageNorms.Norm(31, "median of 40 closed deals of the same group"));
		assertThat(norms.get("QUALIFIED").get("PARTNER:TIER_3_BASELINE").days()).isEqualTo(31);
		assertThat(norms.get("QUALIFIED").get("DIRECT"))
			.isEqualTo(new StageNorms.Norm(21, "too little history; configured stage norm"));
		assertThat(norms.get("JOINT_WORKING").get("PARTNER:TIER_1_INVEST").days()).isEqualTo(30);

		// today 2026-11-22. Every closed tier-1 deal went from Qualified straight to a
		// close, so a tier-1 deal just qualified has 31 days left and no later stage to
		// go through: 2026-12-23, not 31 + 30 + 21 days (the rep's 2026-12-15 is earlier
		// than history allows)
		long open = open(account, rep, partner, "100000", "2026-12-15", "QUALIFIED", "2026-11-22");
		// direct, just qualified, no direct history: every later stage, 21 + 30 + 21 =
		// 2027-02-02
		long direct = open(account, rep, null, "40000", "2026-12-20", "QUALIFIED", "2026-11-22");
		// tier 1 in Commit for 10 of 21 days, close date slipped: 2026-12-03
		open(account, rep, partner, "20000", "2026-11-01", "COMMIT", "2026-11-12");
		// direct, the rep's close date is later than the norms: 2027-05-10
		open(account, rep, null, "10000", "2027-05-10", "QUALIFIED", "2026-11-22");

		var deal = this.forecasts.of(admin, open);
		assertThat(deal.expectedClose()).isEqualTo(LocalDate.of(2026, 12, 23));
		assertThat(deal.expectedCloseReason()).isEqualTo(
				"31 days left of the stage's 31-day norm plus 0 days of later stages; the rep's close date 2026-12-15 is earlier than that");
		assertThat(deal.laterStagesBasis()).isEqualTo(
				"later stages weighted by how many of 40 closed deals of the same group that passed the stage went through them: JOINT_WORKING 0 of 40, COMMIT 0 of 40");
		assertThat(deal.quarter()).isEqualTo("2026-Q4");
		assertThat(deal.probability()).isEqualByComparingTo("0.75");
		assertThat(deal.category()).isEqualTo("BEST_CASE");
		var directDeal = this.forecasts.of(admin, direct);
		assertThat(directDeal.expectedClose()).isEqualTo(LocalDate.of(2027, 2, 2));
		assertThat(directDeal.laterStagesBasis())
			.isEqualTo("too little history; every later stage of the sales process in full");

		var q4 = this.forecasts.rollUp(admin, new Scope(Scope.Kind.MANAGER, manager.userId()),
				LocalDate.of(2026, 11, 22));
		// the slipped Commit deal, 20000 x 0.75 (default for Commit), and the tier-1
		// qualified deal, 100000 x 0.75
		assertThat(q4.get("weighted")).isEqualByComparingTo("90000.00");
		assertThat(q4.get("bestCase")).isEqualByComparingTo("120000.00");
		var rollUp = this.forecasts.rollUp(admin, new Scope(Scope.Kind.MANAGER, manager.userId()),
				LocalDate.of(2027, 1, 15));
		// 40000 x 0.25 (default for direct)
		assertThat(rollUp.get("weighted")).isEqualByComparingTo("10000.00");
		assertThat(rollUp.get("bestCase")).isEqualByComparingTo("0");
		assertThat(rollUp.get("commit")).isEqualByComparingTo("0");

		this.forecasts.call(rep, open, true);
		assertThat(this.forecasts.rollUp(rep, new Scope(Scope.Kind.REP, rep.userId()), LocalDate.of(2026, 11, 22))
			.get("commit")).isEqualByComparingTo("100000.00");
		assertThat(this.forecasts.of(rep, open).category()).isEqualTo("COMMIT");
		assertThatThrownBy(() -> this.forecasts.rollUp(rep, Scope.PROGRAM, LocalDate.of(2026, 11, 22)))
			.isInstanceOf(AccessDeniedException.class);
		var partnerUser = this.fixtures.user(Role.PARTNER, partner, null);
		assertThatThrownBy(() -> this.forecasts.rollUp(partnerUser, new Scope(Scope.Kind.PAM, pam.userId()),
				LocalDate.of(2026, 11, 22)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theWeeklySnapshotIsTakenOnceAndAccuracyComesFromSnapshots() {
		var admin = this.fixtures.user(Role.ADMIN);
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		int first = this.forecasts.takeWeeklySnapshots();
		assertThat(first).isPositive();
		assertThat(this.forecasts.takeWeeklySnapshots()).isZero();
		this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES ('2026-07-06', 'PROGRAM', 0, '2026-Q3', 0, 0, 90000, 0, '2026-07-06T05:00:00Z'),
					       ('2026-08-03', 'PROGRAM', 0, '2026-Q3', 0, 0, 50000, 50000, '2026-08-03T05:00:00Z')
					""")
			.update();
		// the week of 08-03 is week 5 of Q3 (it starts on 07-29), so both rows show, each
		// labelled by its week of the quarter
		var accuracy = this.forecasts.accuracy(admin, Scope.PROGRAM, LocalDate.of(2026, 8, 1)).points();
		assertThat(accuracy).extracting(row -> row.get("week")).containsExactly(1, 5);
		assertThat(accuracy.get(0).get("forecast")).isEqualTo(new BigDecimal("90000.00"));
		assertThat(accuracy.get(1).get("forecast")).isEqualTo(new BigDecimal("100000.00"));

		// Q3 starts on Wednesday 07-01; its first snapshot was taken on 07-06, in week 1
		// (07-01 to 07-07); the later one is not the start; nothing closed in Q3 here
		var past = this.history.versusActual(admin, Scope.PROGRAM, 4);
		assertThat(past).hasSize(1);
		assertThat(past.get(0)).containsEntry("quarter", "2026-Q3")
			.containsEntry("week", LocalDate.of(2026, 7, 1))
			.containsEntry("weekOfQuarter", 1)
			.containsEntry("forecast", new BigDecimal("90000.00"))
			.containsEntry("commit", new BigDecimal("0.00"));
		assertThat((BigDecimal) past.get(0).get("actual")).isEqualByComparingTo("0");

		// the new manager's team is empty: this week's snapshot (taken on Sunday 11-22,
		// in
		// week 8 of Q4, from Thursday 11-19) is all zero; an earlier one (taken on 11-09,
		// week 6 from 11-05) is set by hand
		this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES ('2026-11-09', 'MANAGER', ?, '2026-Q4', 50000, 70000, 40000, 10000, '2026-11-09T05:00:00Z')
					""")
			.param(manager.userId())
			.update();
		var changes = this.history.changes(admin, new Scope(Scope.Kind.MANAGER, manager.userId()));
		assertThat(changes).extracting(c -> c.get("category"))
			.containsExactly("closed", "commit", "bestCase", "weighted");
		assertThat(changes.get(1)).containsEntry("lastWeek", LocalDate.of(2026, 11, 5))
			.containsEntry("thisWeek", LocalDate.of(2026, 11, 19));
		assertThat((BigDecimal) changes.get(1).get("change")).isEqualByComparingTo("-50000");
		assertThat((BigDecimal) changes.get(0).get("change")).isEqualByComparingTo("-10000");
		assertThatThrownBy(() -> this.history.changes(manager, Scope.PROGRAM))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void quotasAreSetByTheirOwnersAuditedAndSummedForTheTeam() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep1 = this.fixtures.user(Role.AE, null, manager.userId());
		var rep2 = this.fixtures.user(Role.AE, null, manager.userId());
		var outsider = this.fixtures.user(Role.AE);
		this.quotas.set(admin, new QuotaCommand(Scope.Kind.REP, rep1.userId(), "2027-Q1", new BigDecimal("100000")));
		this.quotas.set(manager, new QuotaCommand(Scope.Kind.REP, rep2.userId(), "2027-Q1", new BigDecimal("50000")));
		this.quotas.set(admin, new QuotaCommand(Scope.Kind.REP, outsider.userId(), "2027-Q1", new BigDecimal("1")));
		assertThatThrownBy(() -> this.quotas.set(manager,
				new QuotaCommand(Scope.Kind.REP, outsider.userId(), "2027-Q1", new BigDecimal("9"))))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.quotas.set(rep1,
				new QuotaCommand(Scope.Kind.REP, rep1.userId(), "2027-Q1", new BigDecimal("9"))))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.audit.history("forecast-quota", "REP:" + rep2.userId() + ":2027-Q1")).hasSize(1);

		var figures = java.util.Map.of("closed", new BigDecimal("30000"), "commit", new BigDecimal("60000"), "bestCase",
				new BigDecimal("90000"), "weighted", new BigDecimal("45000"));
		var team = this.quotas
			.attainment(new Scope(Scope.Kind.MANAGER, manager.userId()), LocalDate.of(2027, 2, 1), figures)
			.orElseThrow();
		// 100000 + 50000; 30000 closed is 20%, with commit 60%
		assertThat(team.quota()).isEqualByComparingTo("150000");
		assertThat(team.basis()).isEqualTo("no manager quota set; sum of 2 rep quotas in the team");
		assertThat(team.closedPercent()).isEqualByComparingTo("20.0");
		assertThat(team.commitPercent()).isEqualByComparingTo("60.0");
		assertThat(team.gap()).isEqualByComparingTo("120000.00");
		this.quotas.set(admin,
				new QuotaCommand(Scope.Kind.MANAGER, manager.userId(), "2027-Q1", new BigDecimal("200000")));
		assertThat(this.quotas
			.attainment(new Scope(Scope.Kind.MANAGER, manager.userId()), LocalDate.of(2027, 2, 1), figures)
			.orElseThrow()
			.quota()).isEqualByComparingTo("200000");
		assertThat(this.quotas.list(manager, "2027-Q1")).extracting(Quota::scopeId)
			.containsExactlyInAnyOrder(rep1.userId(), rep2.userId(), manager.userId());

		this.mvc
			.perform(put("/api/v1/forecast/quotas").header("Authorization", "Bearer " + this.fixtures.token(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scope\": \"PARTNERS\", \"quarter\": \"2027-Q1\", \"amount\": -5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		this.mvc
			.perform(put("/api/v1/forecast/quotas").header("Authorization", "Bearer " + this.fixtures.token(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"scope\": \"PARTNERS\", \"quarter\": \"2027-Q1\", \"amount\": 2500000}"))
			.andExpect(status().isOk());
		// the partner target takes no id: one sent is named, not dropped (try72)
		for (var id : new String[] { "5", "0" }) {
			this.mvc
				.perform(put("/api/v1/forecast/quotas").header("Authorization", "Bearer " + this.fixtures.token(admin))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"scope\": \"PARTNERS\", \"scopeId\": " + id
							+ ", \"quarter\": \"2027-Q1\", \"amount\": 100}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("scopeId"));
		}
		this.mvc
			.perform(get("/api/v1/forecast/rollup?scope=PARTNERS&day=2027-01-15").header("Authorization",
					"Bearer " + this.fixtures.token(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quota.quota").value(2500000))
			.andExpect(jsonPath("$.quota.basis").value("program partner target"));
	}

	private void closed(long account, Viewer rep, long partner, boolean won) {
		long id = this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					VALUES (?, 'History', 1000, 'USD', ?, ?, 'PARTNER', ?, 'SOURCED', 20, '2025-06-01', '2025-05-01',
					        '2025-06-01', now()) RETURNING id
					""")
			.params(account, won ? "CLOSED_WON" : "CLOSED_LOST", rep.userId(), partner)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_at)
				VALUES (?, NULL, 'QUALIFIED', '2025-05-01'), (?, 'QUALIFIED', ?, '2025-06-01')
				""").params(id, id, won ? "CLOSED_WON" : "CLOSED_LOST").update();
	}

	private long open(long account, Viewer rep, Long partner, String amount, String close, String stage,
			String entered) {
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id,
					    credit_type, partner_share, stage_entered_at, created_at, updated_at)
					VALUES (?, 'Open', ?, 'USD', ?, CAST(? AS DATE), ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), now(), now())
					RETURNING id
					""")
			.params(account, new BigDecimal(amount), stage, close, rep.userId(), partner == null ? "DIRECT" : "PARTNER",
					partner, partner == null ? null : "SOURCED", partner == null ? null : 20, entered + "T12:00:00Z")
			.query(Long.class)
			.single();
	}

	@Test
	void theProgramsLastQuarterIsNamedAndShownAndTheOneAfterItIsRefusedNamingQuarter() throws Exception {
		// the date window ends 2100-12-31, the last day of 2100-Q4 (whose end, the next
		// quarter's first day, lies past it)
		var admin = this.fixtures.user(Role.ADMIN);
		var token = "Bearer " + this.fixtures.token(admin);
		this.mvc.perform(get("/api/v1/forecast/quotas?quarter=2100-Q4").header("Authorization", token))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/forecast/quotas?quarter=2101-Q1").header("Authorization", token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("quarter"));
		var session = new com.trellis.support.Readers(this.mvc, this.jdbc, this.fixtures).signIn(admin);
		this.mvc.perform(get("/forecast?day=2100-12-31").session(session)).andExpect(status().isOk());
	}

}
