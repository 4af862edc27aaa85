package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.shared.MinorUnits;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Earnings in each currency's own minor unit, and nothing earned or announced for a deal
 * of no amount.
 */
@TrellisTest
class MoneyEarningTests {

	@Autowired
	Incentives incentives;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTenPercentReferralOnAJpy12345WinIsJpy1235() {
		var referral = referral("10");
		var world = this.fixtures.world("Yen Partners");
		win(world.dealId(), "12345", "JPY", this.clock.instant());
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		assertThat(amounts(world.partnerId(), referral.id())).containsExactly("1235");
		assertThat(this.incentives.statement(world.partnerUser(), world.partnerId()).ledger())
			.filteredOn(entry -> entry.programId() == referral.id())
			.singleElement()
			.satisfies(entry -> assertThat(entry.amount()).isEqualTo("1235"));
	}

	@Test
	void theLedgerBasisAndTheNoticeShowYenWithoutDecimalsAndWithSeparators() {
		var referral = referral("10");
		var world = this.fixtures.world("Yen Text Partners");
		win(world.dealId(), "12345", "JPY", this.clock.instant());
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		assertThat(this.incentives.statement(world.partnerUser(), world.partnerId()).ledger())
			.filteredOn(entry -> entry.programId() == referral.id())
			.singleElement()
			.satisfies(entry -> assertThat(entry.basis())
				.isEqualTo("referral bonus: 10.0 % of JPY 12,345 (sourced, partner share 100.0 %)"));
		// one notice per referral program in force (other tests leave theirs, at other
		// rates), each sent on its own: wait for this program's JPY 1,235
		await().atMost(Duration.ofSeconds(10)).until(() -> notices(world.partnerId()).contains("You earned JPY 1,235"));
		assertThat(notices(world.partnerId())).allSatisfy(subject -> assertThat(subject).doesNotContain("1235"));
		// a notice's figures are stored as parts: a German reader reads them in their own
		// notation (the inbox, e-mail), not the program's
		assertThat(notices(world.partnerId(), Locale.GERMANY)).contains("You earned JPY 1.235");
	}

	@Test
	void aGermanReaderReadsTheLedgerBasisFiguresInTheirOwnFormatWhileTheProgramsReaderKeepsTheirs() {
		var referral = referral("20");
		var world = this.fixtures.world("Basis Reader Partners");
		win(world.dealId(), "100000", "USD", this.clock.instant());
		this.incentives.earnForWin(world.partnerId(), world.dealId());
		try {
			LocaleContextHolder.setLocale(Locale.GERMANY);
			assertThat(basis(world, referral))
				.isEqualTo("referral bonus: 20,0 % of USD 100.000,00 (sourced, partner share 100,0 %)");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(basis(world, referral))
			.isEqualTo("referral bonus: 20.0 % of USD 100,000.00 (sourced, partner share 100.0 %)");
	}

	private String basis(Fixtures.World world, Program referral) {
		return this.incentives.statement(world.partnerUser(), world.partnerId())
			.ledger()
			.stream()
			.filter(entry -> entry.programId() == referral.id())
			.findFirst()
			.orElseThrow()
			.basis();
	}

	@Test
	void aQuarterlyRebateInYenIsRoundedToWholeYen() {
		var admin = this.fixtures.user(Role.ADMIN);
		var rebate = this.incentives.createProgram(admin,
				new ProgramCommand("Yen rebate " + System.nanoTime(), ProgramKind.QUARTERLY_REBATE, "JPY",
						LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 31),
						Map.of("tiers", List.of(Map.of("threshold", "0", "value", "3")))));
		var world = this.fixtures.world("Yen Rebate Partners");
		win(world.dealId(), "1000001", "JPY", Instant.parse("2022-11-10T10:00:00Z"));
		this.incentives.closeQuarter(LocalDate.of(2022, 11, 10));
		// 3 % of JPY 1,000,001 is 30,000.03: paid as JPY 30,000
		assertThat(amounts(world.partnerId(), rebate.id())).containsExactly("30000");
	}

	@Test
	void aZeroAmountWinEarnsNoSpiffNoReferralAndNoNotice() {
		var admin = this.fixtures.user(Role.ADMIN);
		var spiff = this.incentives.createProgram(admin,
				new ProgramCommand("Fast start " + System.nanoTime(), ProgramKind.FAST_START_SPIFF, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("bonus", "500.00", "firstDeals", "1", "withinDays", "90")));
		var referral = referral("10");
		var world = this.fixtures.world("Zero Amount Partners");
		this.jdbc.sql("UPDATE partner SET onboarded_on = ? WHERE id = ?")
			.params(LocalDate.of(2026, 11, 1), world.partnerId())
			.update();
		win(world.dealId(), "0.00", "USD", this.clock.instant());
		this.incentives.earnForWin(world.partnerId(), world.dealId());

		assertThat(amounts(world.partnerId(), spiff.id())).isEmpty();
		assertThat(amounts(world.partnerId(), referral.id())).isEmpty();

		// the zero deal took no place among the first wins: the next real win earns the
		// SPIFF
		long real = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00");
		win(real, "1000.00", "USD", this.clock.instant().plusSeconds(60));
		this.incentives.earnForWin(world.partnerId(), real);
		assertThat(amounts(world.partnerId(), spiff.id())).containsExactly("500.00");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notices(world.partnerId()).contains("You earned USD 500.00"));
		assertThat(notices(world.partnerId())).doesNotContain("You earned USD 0.00");
	}

	private Program referral(String sourcedPercent) {
		return this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Referral " + System.nanoTime(), ProgramKind.REFERRAL, "USD",
						LocalDate.of(2026, 1, 1), null,
						Map.of("sourcedPercent", sourcedPercent, "influencedPercent", "5", "coSellPercent", "3")));
	}

	private void win(long dealId, String amount, String currency, Instant at) {
		this.jdbc
			.sql("""
					UPDATE opportunity SET stage = 'CLOSED_WON', amount = ?, currency = ?, closed_at = ?, partner_share = 100
					WHERE id = ?
					""")
			.params(new BigDecimal(amount), currency, Timestamp.from(at), dealId)
			.update();
	}

	private List<String> amounts(long partnerId, long programId) {
		// as the application reads them: at the currency's minor unit
		return this.jdbc
			.sql("SELECT amount, currency FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id")
			.params(partnerId, programId)
			.query((rs, n) -> MinorUnits.round(rs.getBigDecimal(1), rs.getString(2)).toPlainString())
			.list();
	}

	private List<String> notices(long partnerId) {
		return notices(partnerId, Locale.US);
	}

	private List<String> notices(long partnerId, Locale reader) {
		return this.jdbc.sql("SELECT subject FROM notification WHERE partner_id = ? AND kind = 'EARNING'")
			.param(partnerId)
			.query(String.class)
			.list()
			.stream()
			.map(s -> com.trellis.shared.StoredFigures.render(s, reader))
			.toList();
	}

}
