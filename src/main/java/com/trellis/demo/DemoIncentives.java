package com.trellis.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.deals.CreditType;
import com.trellis.incentives.EarningBasis;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.MoneyFormat;
import com.trellis.shared.ReportingCurrency;

/**
 * The demo's incentive programs in force on its today, and what they earned: a referral
 * bonus since three quarters ago on every partner win, market development funds accrued
 * for the two closed quarters since the MDF program began, and a quarterly rebate that
 * started with the current quarter. The better a partner (hidden quality), the more it
 * wins, so the more it earns.
 */
final class DemoIncentives {

	static final BigDecimal SOURCED_PERCENT = BigDecimal.valueOf(8);

	static final BigDecimal INFLUENCED_PERCENT = BigDecimal.valueOf(4);

	static final BigDecimal CO_SELL_PERCENT = BigDecimal.valueOf(2);

	/** MDF tiers: closed-won revenue in USD reached → amount added to the fund. */
	static final long[][] MDF_TIERS = { { 40_000, 4_000 }, { 120_000, 10_000 }, { 300_000, 25_000 } };

	private final DemoLedger ledger;

	private final BusinessCalendar calendar;

	private final com.trellis.shared.CountingWins countingWins;

	DemoIncentives(DemoLedger ledger, BusinessCalendar calendar, com.trellis.shared.CountingWins countingWins) {
		this.countingWins = countingWins;
		this.ledger = ledger;
		this.calendar = calendar;
	}

	/** Writes the programs and their earnings; returns the MDF program's id. */
	long write() {
		var current = this.calendar.currentQuarter();
		var referralStart = current.previous().previous().previous();
		var mdfStart = current.previous().previous();
		var created = this.calendar.startOf(referralStart.start()).minus(Duration.ofDays(10));
		long referral = this.ledger.program("Partner referral bonus", "REFERRAL", referralStart.start(),
				"{\"sourcedPercent\": 8, \"influencedPercent\": 4, \"coSellPercent\": 2}", created);
		long mdf = this.ledger.program("Market development fund", "MDF", mdfStart.start(), tiers(MDF_TIERS), created);
		this.ledger.program("Quarterly rebate", "QUARTERLY_REBATE", current.start(),
				"{\"tiers\": [{\"threshold\": 150000, \"value\": 2}, {\"threshold\": 400000, \"value\": 4}]}",
				this.calendar.startOf(current.start()).minus(Duration.ofDays(7)));
		judgeWins();
		awardFirstWins();
		earnReferrals(referral, referralStart);
		accrueFunds(mdf, mdfStart);
		accrueFunds(mdf, mdfStart.next());
		return mdf;
	}

	/**
	 * Every demo win was judged by the rules at its win, as a live program's would be.
	 */
	private void judgeWins() {
		this.ledger.jdbc.sql("""
				INSERT INTO incentive_deal_win (opportunity_id, first_judged_at)
				SELECT id, closed_at FROM opportunity WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL
				""").update();
	}

	/**
	 * Each partner with a win that counts holds the first-win badge from that win on, as
	 * a live program's partner would have been given it (else the next close of the demo
	 * would give it then, naming a win of long ago).
	 */
	private void awardFirstWins() {
		this.ledger.jdbc.sql("""
				INSERT INTO partner_badge (partner_id, badge, period, reason, awarded_at)
				SELECT DISTINCT ON (o.partner_id) o.partner_id, 'FIRST_WIN', 'ever', 'first closed-won deal ' || o.name,
				       o.closed_at
				FROM opportunity o LEFT JOIN exchange_rate fx ON fx.currency = o.currency
				WHERE o.stage = 'CLOSED_WON' AND o.partner_id IS NOT NULL AND o.closed_at IS NOT NULL AND %s
				ORDER BY o.partner_id, o.closed_at, o.id
				ON CONFLICT DO NOTHING
				""".formatted(this.countingWins.sql("o.amount", "fx.to_reporting"))).update();
	}

	private void earnReferrals(long program, FiscalQuarter from) {
		var start = this.calendar.startOf(from.start());
		for (var win : this.ledger.wins) {
			if (win.closedAt().isBefore(start) || win.creditType() == null) {
				continue;
			}
			var rate = switch (win.creditType()) {
				case "SOURCED" -> SOURCED_PERCENT;
				case "INFLUENCED" -> INFLUENCED_PERCENT;
				default -> CO_SELL_PERCENT;
			};
			// the rule's amount and wording (incentives' ReferralBonus): the rate of the
			// partner's credit share of the deal
			var share = win.share() == null ? BigDecimal.valueOf(100) : win.share();
			var amount = MinorUnits.percentOfShare(win.amount(), rate, share, win.currency());
			var basis = EarningBasis.referral(rate, win.amount(), win.currency(), CreditType.valueOf(win.creditType()),
					share);
			this.ledger.earn(win.partnerId(), program, "REFERRAL", "deal:" + win.id(), win.id(), null, amount,
					win.currency(), basis, win.closedAt().plusSeconds(60));
		}
		// the program judged each of those wins, as a live program records it
		// (incentives' ReferralJudgments)
		this.ledger.jdbc
			.sql("""
					INSERT INTO incentive_deal_program (opportunity_id, program_id)
					SELECT id, :program FROM opportunity
					WHERE stage = 'CLOSED_WON' AND partner_id IS NOT NULL AND credit_type IS NOT NULL AND closed_at >= :start
					""")
			.param("program", program)
			.param("start", Timestamp.from(start))
			.update();
	}

	/**
	 * Closes a quarter as the morning job does: each partner's won revenue in USD against
	 * the MDF tiers, and the top partner of the quarter.
	 */
	private void accrueFunds(long program, FiscalQuarter quarter) {
		var from = this.calendar.startOf(quarter.start());
		var to = this.calendar.startOf(quarter.end());
		var closedAt = to.plus(Duration.ofHours(6)).isBefore(this.ledger.now) ? to.plus(Duration.ofHours(6))
				: this.ledger.now;
		var rates = rates();
		var revenue = new TreeMap<Long, BigDecimal>();
		for (var win : this.ledger.wins) {
			if (!win.closedAt().isBefore(from) && win.closedAt().isBefore(to) && rates.containsKey(win.currency())) {
				revenue.merge(win.partnerId(),
						MinorUnits.convert(win.amount(), rates.get(win.currency()), rates.get("USD"), "USD"),
						BigDecimal::add);
			}
		}
		var period = quarter.label();
		for (var entry : revenue.entrySet()) {
			long[] reached = null;
			for (var tier : MDF_TIERS) {
				if (entry.getValue().compareTo(BigDecimal.valueOf(tier[0])) >= 0) {
					reached = tier;
				}
			}
			if (reached != null) {
				var amount = MinorUnits.round(BigDecimal.valueOf(reached[1]), "USD");
				this.ledger.earn(entry.getKey(), program, "MDF_FUND", "mdf:" + period + ":USD", null, period, amount,
						"USD", EarningBasis.mdfAccrual(period, entry.getValue(), BigDecimal.valueOf(reached[0]), "USD"),
						closedAt);
			}
		}
		this.ledger.jdbc.sql("""
				INSERT INTO incentive_quarter_close (period, starts_on, ends_on, closed_at)
				VALUES (:period, :starts, :ends, :at)
				""")
			.param("period", period)
			.param("starts", java.sql.Date.valueOf(quarter.start()))
			.param("ends", java.sql.Date.valueOf(quarter.end()))
			.param("at", Timestamp.from(closedAt))
			.update();
		revenue.entrySet()
			.stream()
			.max(Map.Entry.<Long, BigDecimal>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
			.ifPresent(top -> this.ledger.jdbc.sql("""
					INSERT INTO partner_badge (partner_id, badge, period, reason, awarded_at)
					VALUES (:partner, 'TOP_PARTNER_OF_QUARTER', :period, :reason, :at) ON CONFLICT DO NOTHING
					""")
				.param("partner", top.getKey())
				.param("period", period)
				.param("reason", "highest closed-won revenue in " + period + ": "
						+ MoneyFormat.of(top.getValue(), ReportingCurrency.CODE) + " (all currencies converted)")
				.param("at", Timestamp.from(closedAt))
				.update());
	}

	private Map<String, BigDecimal> rates() {
		var rates = new HashMap<String, BigDecimal>();
		this.ledger.jdbc.sql("SELECT currency, to_reporting FROM exchange_rate")
			.query((rs, n) -> rates.put(rs.getString(1).strip(), rs.getBigDecimal(2)))
			.list();
		return rates;
	}

	private static String tiers(long[][] tiers) {
		var json = new StringBuilder("{\"tiers\": [");
		for (int i = 0; i < tiers.length; i++) {
			json.append((i == 0) ? "" : ", ")
				.append("{\"threshold\": ")
				.append(tiers[i][0])
				.append(", \"value\": ")
				.append(tiers[i][1])
				.append('}');
		}
		return json.append("]}").toString();
	}

}
