package com.trellis.cadence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TimeZone;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packs opened before their meeting's week (issue 12, time leftover 3): on day 30 of
 * 2026-Q4 (Friday 30 October) the ELT review of week 10 compares the same 30 days of each
 * quarter, not 29 against 63, and the business review of week 13 reports up to today.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Europe/Berlin" })
class PackWindowTests {

	@Autowired
	Packs packs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

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
	void theEltReviewOnDayThirtyComparesTheSameThirtyDaysOfEachQuarter() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Window partner", pam.userId());
		long account = this.fixtures.account("Window customer", "window-customer.com", admin.userId());
		// day 46 of 2026-Q3: past the first 30 days, inside the first 63
		won(account, admin.userId(), partner, "2026-08-15T10:00:00Z");
		this.clock.set(Instant.parse("2026-10-30T10:00:00Z"));
		var pack = this.packs.pack(admin, "2026-Q4", Meeting.ELT_REVIEW, 10, null);
		var growth = section(pack, "Program growth");
		assertThat(growth.note()).contains("first 30 days").contains("capped at today").doesNotContain("63");
		assertThat(growth.rows().get(1).get(0)).isEqualTo("2026-Q3, same part");
		assertThat((BigDecimal) growth.rows().get(1).get(2)).isEqualByComparingTo("0");
	}

	@Test
	void theBusinessReviewOfAWeekNotReachedEndsItsRangeToday() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.clock.set(Instant.parse("2026-10-30T10:00:00Z"));
		var pack = this.packs.pack(admin, "2026-Q4", Meeting.BUSINESS_REVIEW, 13, null);
		var attribution = section(pack, "Revenue attribution");
		assertThat(attribution.note()).contains("2026-10-01 to today, 2026-10-30").doesNotContain("2026-12-23");
		assertThat(section(pack, "Program KPIs").note()).contains("to today, 2026-10-30");
	}

	@Test
	void aPackOfAQuarterNotStartedReportsNothingYetAndSaysSo() {
		var admin = this.fixtures.user(Role.ADMIN);
		this.clock.set(Instant.parse("2026-10-30T10:00:00Z"));
		var pack = this.packs.pack(admin, "2027-Q1", Meeting.ELT_REVIEW, 10, null);
		assertThat(section(pack, "Program growth").note()).startsWith("Nothing to compare yet");
		assertThat(section(pack, "Program KPIs").rows()).isEmpty();
	}

	private void won(long account, long owner, long partner, String closedAt) {
		var at = Timestamp.from(Instant.parse(closedAt));
		this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source, partner_id,
					                         credit_type, partner_share, stage_entered_at, created_at, updated_at, closed_at)
					VALUES (:account, 'Window win', 50000, 'USD', 'CLOSED_WON', CAST(:at AS DATE), :owner, 'PARTNER', :partner,
					        'SOURCED', 20, :at, :at, :at, :at)
					""")
			.param("account", account)
			.param("owner", owner)
			.param("partner", partner)
			.param("at", at)
			.update();
	}

	private static Pack.Section section(Pack pack, String heading) {
		return pack.sections().stream().filter(s -> s.heading().equals(heading)).findFirst().orElseThrow();
	}

}
