package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule earns only for deals closed on a day its program is in force. Each test uses
 * its own past dates, which no demo deal or other program's test falls in.
 */
@TrellisTest
class ProgramDatesTests {

	@Autowired
	Incentives incentives;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFastStartSpiffPaysNothingForWinsFromBeforeTheProgramStarted() {
		var spiff = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Fast start " + System.nanoTime(), ProgramKind.FAST_START_SPIFF, "USD",
						LocalDate.of(2019, 2, 1), null, Map.of("bonus", "500", "firstDeals", "3", "withinDays", "90")));
		var northwind = this.fixtures.world("Northwind Before The Program");
		this.jdbc.sql("UPDATE partner SET onboarded_on = ? WHERE id = ?")
			.params(LocalDate.of(2018, 10, 6), northwind.partnerId())
			.update();
		win(northwind.dealId(), "2018-11-17T12:00:00Z");
		win(deal(northwind), "2018-11-21T12:00:00Z");
		win(deal(northwind), "2018-11-29T12:00:00Z");
		long now = deal(northwind);
		win(now, "2019-03-04T12:00:00Z");

		this.incentives.earnForWin(northwind.partnerId(), now);

		assertThat(amounts(northwind.partnerId(), spiff.id())).isEmpty();
	}

	@Test
	void aFastStartSpiffEndingBeforeAWinPaysOnlyTheWinsOfItsOwnDays() {
		var spiff = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Fast start " + System.nanoTime(), ProgramKind.FAST_START_SPIFF, "USD",
						LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 31),
						Map.of("bonus", "500", "firstDeals", "3", "withinDays", "90")));
		var world = this.fixtures.world("Spiff Ends Partners");
		this.jdbc.sql("UPDATE partner SET onboarded_on = ? WHERE id = ?")
			.params(LocalDate.of(2018, 2, 20), world.partnerId())
			.update();
		long inMarch = world.dealId();
		win(inMarch, "2018-03-10T12:00:00Z");
		long inApril = deal(world);
		win(inApril, "2018-04-05T12:00:00Z");

		this.incentives.earnForWin(world.partnerId(), inMarch);
		this.incentives.earnForWin(world.partnerId(), inApril);

		assertThat(this.jdbc.sql("SELECT opportunity_id FROM incentive_earning WHERE program_id = ?")
			.param(spiff.id())
			.query(Long.class)
			.list()).containsExactly(inMarch);
	}

	@Test
	void aRebateStartingInsideTheQuarterCountsOnlyTheWinsOfItsOwnDays() {
		var rebate = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("Rebate " + System.nanoTime(), ProgramKind.QUARTERLY_REBATE, "USD",
						LocalDate.of(2018, 8, 15), LocalDate.of(2018, 9, 10),
						Map.of("tiers", List.of(Map.of("threshold", "0", "value", "2")))));
		var fund = this.incentives.createProgram(this.fixtures.user(Role.ADMIN),
				new ProgramCommand("MDF " + System.nanoTime(), ProgramKind.MDF, "USD", LocalDate.of(2018, 8, 15),
						LocalDate.of(2018, 12, 31),
						Map.of("tiers", List.of(Map.of("threshold", "50000", "value", "5000.00")))));
		var world = this.fixtures.world("Rebate Starts Late Partners");
		win(world.dealId(), "2018-07-20T12:00:00Z", "100000.00");
		win(deal(world), "2018-08-20T12:00:00Z");
		win(deal(world), "2018-09-20T12:00:00Z");

		this.incentives.closeQuarter(LocalDate.of(2018, 8, 1));

		// not the USD 100,000 win of 20 July: the rebate counts the USD 10,000 of 20
		// August
		// (2 % is USD 200.00); the MDF from 15 August counts USD 20,000, below its
		// threshold
		assertThat(amounts(world.partnerId(), rebate.id())).containsExactly("200.00");
		assertThat(amounts(world.partnerId(), fund.id())).isEmpty();
	}

	private long deal(Fixtures.World world) {
		return this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1");
	}

	private void win(long dealId, String closedAt) {
		win(dealId, closedAt, "10000.00");
	}

	private void win(long dealId, String closedAt, String amount) {
		this.jdbc.sql("""
				UPDATE opportunity SET stage = 'CLOSED_WON', amount = ?, currency = 'USD', closed_at = ? WHERE id = ?
				""").params(new BigDecimal(amount), Timestamp.from(Instant.parse(closedAt)), dealId).update();
	}

	private List<String> amounts(long partnerId, long programId) {
		return this.jdbc.sql(
				"SELECT round(amount, 2)::text FROM incentive_earning WHERE partner_id = ? AND program_id = ? ORDER BY id")
			.params(partnerId, programId)
			.query(String.class)
			.list();
	}

}
