package com.trellis.demo;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marketplace transactions over the last year (§C18, the ROI page's leading indicator),
 * driven by each partner's hidden quality: most partners sell through the marketplace,
 * the better ones likelier (the two well-known demo partners always), and the better the
 * more often and the larger, day by day as its quality shows in its behaviour then (so
 * partners on the rise sell more towards today and declining ones less); sales only while
 * the partner is active, and some weak partners stop. Amounts are list prices of four
 * listings varied a little, in USD, EUR or GBP. Written a few hundred rows per statement.
 */
final class DemoMarketplace {

	static final int RANDOM_STREAM = 42;

	private static final int ROWS_PER_STATEMENT = 250;

	private static final String[] LISTINGS = { "Trellis Connector Standard", "Trellis Connector Pro",
			"Analytics Add-on", "Annual Platform Licence" };

	private static final long[] LIST_PRICES = { 1200, 4800, 900, 15000 };

	private static final String[] CURRENCIES = { "USD", "USD", "USD", "EUR", "GBP" };

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	private final Instant now;

	private final List<Map<String, Object>> pending = new ArrayList<>();

	DemoMarketplace(JdbcClient jdbc, BusinessCalendar calendar, Instant now) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.now = now;
	}

	/** Writes the transactions; returns how many. */
	int write(List<PartnerPlan> partners, long seed) {
		var today = this.calendar.today();
		var first = today.minusDays(364);
		int written = 0;
		for (var partner : partners) {
			var random = Randoms.of(seed, RANDOM_STREAM, partner.id);
			if (!sellsAtAll(partner, random)) {
				continue;
			}
			// a weak partner may stop selling some day in the year
			LocalDate stops = partner.q < 0.3 && random.nextDouble() < 0.4
					? first.plusDays(Randoms.between(random, 90, 330)) : null;
			int n = 0;
			for (var day = first; !day.isAfter(today); day = day.plusDays(1)) {
				long at = this.calendar.startOf(day).getEpochSecond() + 12 * 3600;
				if (!partner.activeAt(at) || (stops != null && !day.isBefore(stops))) {
					continue;
				}
				// about 0.3 to 5 sales a month by the quality shown that day
				double perDay = (0.3 + 4.7 * partner.qBehaviour(at)) / 30;
				if (random.nextDouble() >= perDay) {
					continue;
				}
				int listing = Randoms.weighted(random, new double[] { 0.4, 0.25, 0.25, 0.1 });
				var currency = Randoms.pick(random, CURRENCIES);
				long amount = Math.round(LIST_PRICES[listing] * (0.8 + 0.4 * random.nextDouble()) / 10) * 10;
				add(partner.id, "demo-mp-" + partner.id + "-" + (++n), customer(random), LISTINGS[listing], amount,
						currency, day);
				written++;
			}
		}
		flush();
		return written;
	}

	/**
	 * Whether the partner sells through the marketplace at all: most do, the better ones
	 * likelier; the two well-known demo partners (Northwind, whose user the README signs
	 * in as, and Bluepeak) always, whatever the seed.
	 */
	static boolean sellsAtAll(PartnerPlan partner, java.util.SplittableRandom random) {
		boolean drawn = random.nextDouble() < 0.55 + 0.4 * partner.q;
		return drawn || partner.id <= 2;
	}

	private static String customer(java.util.SplittableRandom random) {
		return Randoms.pick(random, Words.ACCOUNT_HEADS) + " " + Randoms.pick(random, Words.LEGAL_SUFFIXES);
	}

	private void add(long partner, String source, String customer, String listing, long amount, String currency,
			LocalDate day) {
		var row = new HashMap<String, Object>();
		row.put("source", source);
		row.put("partner", partner);
		row.put("customer", customer);
		row.put("listing", listing);
		row.put("amount", BigDecimal.valueOf(amount));
		row.put("currency", currency);
		row.put("day", Date.valueOf(day));
		this.pending.add(row);
		if (this.pending.size() == ROWS_PER_STATEMENT) {
			flush();
		}
	}

	private void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		var sql = new StringBuilder("""
				INSERT INTO marketplace_transaction (source_id, partner_id, customer, listing, amount, currency,
				                                     transacted_on, recorded_by, recorded_at, updated_at) VALUES
				""");
		var params = new HashMap<String, Object>();
		for (int i = 0; i < this.pending.size(); i++) {
			sql.append(i == 0 ? "" : ",\n")
				.append("(:source%1$d, :partner%1$d, :customer%1$d, :listing%1$d, :amount%1$d, :currency%1$d, :day%1$d, 1, :at, :at)"
					.formatted(i));
			for (var entry : this.pending.get(i).entrySet()) {
				params.put(entry.getKey() + i, entry.getValue());
			}
		}
		params.put("at", Timestamp.from(this.now));
		this.jdbc.sql(sql.toString()).params(params).update();
		this.pending.clear();
	}

}
