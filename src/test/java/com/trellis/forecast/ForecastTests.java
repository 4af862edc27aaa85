package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

		long open = open(account, rep, partner, "100000", "2026-12-15");
		open(account, rep, null, "40000", "2026-12-20");
		var rollUp = this.forecasts.rollUp(admin, new Scope(Scope.Kind.MANAGER, manager.userId()),
				LocalDate.of(2026, 11, 22));
		// 100000 x 0.75 + 40000 x 0.25 (default for direct)
		assertThat(rollUp.get("weighted")).isEqualByComparingTo("85000.00");
		assertThat(rollUp.get("bestCase")).isEqualByComparingTo("100000.00");
		assertThat(rollUp.get("commit")).isEqualByComparingTo("0");

		this.forecasts.call(rep, open, true);
		assertThat(this.forecasts.rollUp(rep, new Scope(Scope.Kind.REP, rep.userId()), LocalDate.of(2026, 11, 22))
			.get("commit")).isEqualByComparingTo("100000.00");
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
		int first = this.forecasts.takeWeeklySnapshots();
		assertThat(first).isPositive();
		assertThat(this.forecasts.takeWeeklySnapshots()).isZero();
		this.jdbc
			.sql("""
					INSERT INTO forecast_snapshot (week_start, scope_kind, scope_id, quarter, commit, best_case, weighted, closed,
					    taken_at)
					VALUES ('2026-07-06', 'PROGRAM', 0, '2026-Q3', 0, 0, 90000, 0, now()),
					       ('2026-08-03', 'PROGRAM', 0, '2026-Q3', 0, 0, 50000, 50000, now())
					""")
			.update();
		var accuracy = this.forecasts.accuracy(admin, Scope.PROGRAM, LocalDate.of(2026, 8, 1));
		assertThat(accuracy).hasSize(1);
		assertThat(accuracy.get(0).get("forecast")).isEqualTo(new BigDecimal("90000.00"));
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

	private long open(long account, Viewer rep, Long partner, String amount, String close) {
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id,
					    credit_type, partner_share, stage_entered_at, created_at, updated_at)
					VALUES (?, 'Open', ?, 'USD', 'QUALIFIED', CAST(? AS DATE), ?, ?, ?, ?, ?, now(), now(), now()) RETURNING id
					""")
			.params(account, new BigDecimal(amount), close, rep.userId(), partner == null ? "DIRECT" : "PARTNER",
					partner, partner == null ? null : "SOURCED", partner == null ? null : 20)
			.query(Long.class)
			.single();
	}

}
