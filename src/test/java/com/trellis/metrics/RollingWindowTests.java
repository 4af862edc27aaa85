package com.trellis.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling windows (won in the last 90 days, active in the last 30) counted in the
 * business zone from bounds computed in Java, not by the database in its session's zone
 * (issue 12, time leftover 6). The period ends on 29 October 2026 in Berlin; Berlin left
 * summer time on 25 October, New York (the session's zone here) only on 1 November, so a
 * window the database computes in New York time starts an hour later than Berlin's.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Europe/Berlin" })
class RollingWindowTests {

	private static final Period OCTOBER = Period.until(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 29));

	@Autowired
	Kpis kpis;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private TimeZone jvmZone;

	@BeforeEach
	void runTheJvmInNewYork() {
		this.jvmZone = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
	}

	@AfterEach
	void restoreTheJvmZone() {
		TimeZone.setDefault(this.jvmZone);
	}

	@Test
	@Transactional
	void aWinHalfAnHourIntoTheNinetiethBerlinDayActivatesThePartnerWhateverTheSessionZone() {
		this.jdbc.sql("SET LOCAL TIME ZONE 'America/New_York'").update();
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Ninety days partner", pam.userId());
		long account = this.fixtures.account("Ninety days customer", "ninety-days.com", admin.userId());
		// 31 July 00:30 in Berlin: the first day of the 90 days before 29 October
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id,
					                         credit_type, partner_share, stage_entered_at, created_at, updated_at, closed_at)
					VALUES (?, 'Early win', 1000, 'USD', 'CLOSED_WON', DATE '2026-07-31', ?, 'PARTNER', ?, 'SOURCED', 20,
					        ?, ?, ?, ?)
					""")
			.params(account, admin.userId(), partner, at("2026-07-30T22:30:00Z"), at("2026-07-30T22:30:00Z"),
					at("2026-07-30T22:30:00Z"), at("2026-07-30T22:30:00Z"))
			.update();
		var activated = kpi(admin, partner, "ACTIVATED_PARTNERS");
		assertThat(activated.numerator()).isEqualByComparingTo("1");
		assertThat(activated.denominator()).isEqualByComparingTo("1");
	}

	@Test
	@Transactional
	void aLoginHalfAnHourIntoTheThirtiethBerlinDayCountsTheActivePartner() {
		this.jdbc.sql("SET LOCAL TIME ZONE 'America/New_York'").update();
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Thirty days partner", pam.userId());
		// 29 September 00:30 in Berlin: the first day of the 30 days before 29 October
		this.jdbc.sql("INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (?, 'PORTAL_LOGIN', ?)")
			.params(partner, at("2026-09-28T22:30:00Z"))
			.update();
		var active = kpi(admin, partner, "ACTIVE_PARTNER_RATE");
		assertThat(active.numerator()).isEqualByComparingTo("1");
	}

	private Kpi kpi(com.trellis.identity.Viewer admin, long partner, String code) {
		return this.kpis.compute(admin, OCTOBER, new Slice(Slice.Kind.PARTNER, String.valueOf(partner)))
			.stream()
			.filter(k -> k.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static Timestamp at(String instant) {
		return Timestamp.from(Instant.parse(instant));
	}

}
