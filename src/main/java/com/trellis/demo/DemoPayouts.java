package com.trellis.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.MinorUnits;

/**
 * The monthly payout runs of the demo's past, on the fifth of each month: each paid every
 * earning made before it that no open credit dispute held. What was earned since the last
 * run (and the quarter's MDF reimbursements and re-earned disputes) is what a payout pays
 * on the first start.
 */
final class DemoPayouts {

	/** The last run lies at least this long before the demo's today. */
	static final Duration QUIET_BEFORE_TODAY = Duration.ofDays(7);

	private final DemoLedger ledger;

	private final BusinessCalendar calendar;

	DemoPayouts(DemoLedger ledger, BusinessCalendar calendar) {
		this.ledger = ledger;
		this.calendar = calendar;
	}

	void write(List<DemoDisputes.Dispute> disputes) {
		var held = new HashMap<Long, List<DemoDisputes.Dispute>>();
		disputes.forEach(d -> held.computeIfAbsent(d.opportunityId(), k -> new ArrayList<>()).add(d));
		var earnings = this.ledger.jdbc.sql("""
				SELECT id, partner_id, amount, currency, earned_at, opportunity_id FROM incentive_earning ORDER BY id
				""")
			.query((rs, n) -> new Earning(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getString(4).strip(),
					rs.getTimestamp(5).toInstant(), (Long) rs.getObject(6, Long.class)))
			.list();
		if (earnings.isEmpty()) {
			return;
		}
		var first = earnings.stream().map(Earning::earnedAt).min(Instant::compareTo).orElseThrow();
		var day = this.calendar.dayOf(first).withDayOfMonth(5).plusMonths(1);
		var last = this.ledger.now.minus(QUIET_BEFORE_TODAY);
		var paid = new java.util.HashSet<Long>();
		while (true) {
			var at = day.atTime(LocalTime.of(10, 0)).atZone(this.calendar.zone()).toInstant();
			if (at.isAfter(last)) {
				break;
			}
			var items = earnings.stream()
				.filter(e -> !paid.contains(e.id()) && e.earnedAt().isBefore(at) && !heldAt(held, e, at))
				.toList();
			if (!items.isEmpty()) {
				run(at, items);
				items.forEach(e -> paid.add(e.id()));
			}
			day = nextMonth(day);
		}
	}

	private void run(Instant at, List<Earning> items) {
		long run = this.ledger.jdbc.sql("""
				INSERT INTO payout_run (started_at, started_by, finished_at, status, outcome)
				VALUES (:at, 1, :finished, 'FINISHED', :outcome) RETURNING id
				""")
			.param("at", Timestamp.from(at))
			.param("finished", Timestamp.from(at.plusSeconds(90)))
			.param("outcome", "paid " + items.size() + " earnings")
			.query(Long.class)
			.single();
		for (var item : items) {
			this.ledger.jdbc.sql("""
					INSERT INTO payout_item (run_id, earning_id, partner_id, amount, currency, paid_at)
					VALUES (:run, :earning, :partner, :amount, :currency, :at)
					""")
				.param("run", run)
				.param("earning", item.id())
				.param("partner", item.partnerId())
				.param("amount", item.amount())
				.param("currency", item.currency())
				.param("at", Timestamp.from(at.plusSeconds(60)))
				.update();
		}
	}

	private static boolean heldAt(Map<Long, List<DemoDisputes.Dispute>> held, Earning earning, Instant at) {
		return earning.opportunityId() != null
				&& held.getOrDefault(earning.opportunityId(), List.of()).stream().anyMatch(d -> d.holdsAt(at));
	}

	private static LocalDate nextMonth(LocalDate day) {
		return day.plusMonths(1);
	}

	private record Earning(long id, long partnerId, BigDecimal amount, String currency, Instant earnedAt,
			Long opportunityId) {

		Earning {
			amount = MinorUnits.round(amount, currency);
		}

	}

}
