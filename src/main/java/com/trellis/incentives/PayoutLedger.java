package com.trellis.incentives;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.Reading;
import com.trellis.shared.StoredFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What finance looks at around a payout, for program admins: the preview of what a run
 * would pay now (per partner and currency, with what disputes hold back) and its
 * fingerprint, which a run is confirmed with; past runs with their totals; and each run's
 * items.
 */
@Service
public class PayoutLedger {

	/**
	 * Unpaid payable earnings, in currencies whose balance is above nothing, not held.
	 */
	private static final String PAYABLE_NOW = """
			WITH unpaid AS (
			  SELECT e.id, e.partner_id, e.amount, e.currency, """ + DisputedEarnings.NOT_HELD + """
			   AS free FROM incentive_earning e
			  WHERE e.kind IN (:payable) AND NOT EXISTS (SELECT 1 FROM payout_item i WHERE i.earning_id = e.id))
			""";

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	PayoutLedger(JdbcClient jdbc, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.jdbc = jdbc;
	}

	/** What a run would pay now, and what credit disputes hold back. */
	@Transactional(readOnly = true)
	public Preview preview(Viewer viewer) {
		requireAdmin(viewer);
		var pay = this.jdbc.sql(PAYABLE_NOW + """
				SELECT u.partner_id, p.name, u.currency, count(*) AS items, sum(u.amount) AS amount
				FROM unpaid u JOIN partner p ON p.id = u.partner_id WHERE u.free
				GROUP BY u.partner_id, p.name, u.currency HAVING sum(u.amount) > 0
				ORDER BY p.name, u.partner_id, u.currency
				""").param("payable", LedgerRepository.PAYABLE).query(PayoutLedger::line).list();
		var held = this.jdbc.sql(PAYABLE_NOW + """
				SELECT u.partner_id, p.name, u.currency, count(*) AS items, sum(u.amount) AS amount
				FROM unpaid u JOIN partner p ON p.id = u.partner_id WHERE NOT u.free
				GROUP BY u.partner_id, p.name, u.currency ORDER BY p.name, u.partner_id, u.currency
				""").param("payable", LedgerRepository.PAYABLE).query(PayoutLedger::line).list();
		var totals = new java.util.TreeMap<String, BigDecimal>();
		pay.forEach(l -> totals.merge(l.currency(), l.amount(), BigDecimal::add));
		return new Preview(pay, totals, held, fingerprint(pay));
	}

	/**
	 * The earnings a run confirmed with {@code fingerprint} pays, by partner id, read in
	 * the same snapshot as the preview it is checked against (repeatable read): an
	 * earning committed after that check is not among them, whenever its id was drawn.
	 * Empty when {@code fingerprint} is not the current preview's.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public java.util.Optional<java.util.Map<Long, List<Long>>> confirmed(Viewer viewer, String fingerprint) {
		if (!preview(viewer).fingerprint().equals(fingerprint)) {
			return java.util.Optional.empty();
		}
		var ids = new java.util.TreeMap<Long, List<Long>>();
		this.jdbc
			.sql(PAYABLE_NOW
					+ """
							SELECT u.partner_id, u.id FROM unpaid u
							WHERE u.free AND (u.partner_id, u.currency) IN (
							  SELECT partner_id, currency FROM unpaid WHERE free GROUP BY partner_id, currency HAVING sum(amount) > 0)
							""")
			.param("payable", LedgerRepository.PAYABLE)
			.query((rs, n) -> {
				ids.computeIfAbsent(rs.getLong(1), p -> new java.util.ArrayList<>()).add(rs.getLong(2));
				return null;
			})
			.list();
		return java.util.Optional.of(ids);
	}

	/**
	 * Past runs, the newest first, with what each paid per currency (at the currency's
	 * minor unit).
	 */
	@Transactional(readOnly = true)
	public List<Run> runs(Viewer viewer, int limit) {
		requireAdmin(viewer);
		var totals = new java.util.HashMap<Long, java.util.SortedMap<String, BigDecimal>>();
		this.jdbc.sql("""
				SELECT i.run_id, i.currency, sum(i.amount) AS total
				FROM payout_item i
				WHERE i.run_id IN (SELECT r.id FROM payout_run r ORDER BY r.started_at DESC, r.id DESC LIMIT :limit)
				GROUP BY i.run_id, i.currency
				""").param("limit", limit).query((rs, n) -> {
			var currency = rs.getString("currency");
			totals.computeIfAbsent(rs.getLong("run_id"), id -> new java.util.TreeMap<>())
				.put(currency, MinorUnits.round(rs.getBigDecimal("total"), currency));
			return currency;
		}).list();
		var now = this.calendar.now();
		return this.jdbc.sql("""
				SELECT r.id, r.started_at, r.finished_at, r.status, r.outcome, u.display_name AS started_by,
				       (SELECT count(*) FROM payout_item i WHERE i.run_id = r.id) AS items, r.lease_until
				FROM payout_run r LEFT JOIN app_user u ON u.id = r.started_by
				ORDER BY r.started_at DESC, r.id DESC LIMIT :limit
				""").param("limit", limit).query((rs, n) -> {
			var status = rs.getString("status");
			var outcome = rs.getString("outcome");
			var lease = rs.getTimestamp("lease_until");
			if ("RUNNING".equals(status) && lease != null && lease.toInstant().isBefore(now)) {
				// its instance stopped mid-run; the next run marks it abandoned
				status = "STALLED";
				outcome = "its instance stopped mid-run (its lease ran out at "
						+ lease.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
						+ "); the next run pays the rest";
			}
			return new Run(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), status,
					outcome, rs.getString("started_by"), rs.getLong("items"),
					totals.getOrDefault(rs.getLong("id"), java.util.Collections.emptySortedMap()));
		}).list();
	}

	/** One run's items, by partner. */
	@Transactional(readOnly = true)
	public List<Item> items(Viewer viewer, long runId) {
		requireAdmin(viewer);
		if (this.jdbc.sql("SELECT count(*) FROM payout_run WHERE id = :id")
			.param("id", runId)
			.query(Long.class)
			.single() == 0) {
			throw new NotFoundException("Payout run", runId);
		}
		return this.jdbc.sql("""
				SELECT i.earning_id, i.partner_id, p.name, e.kind, e.opportunity_id, e.basis, i.amount, i.currency,
				       i.paid_at
				FROM payout_item i JOIN partner p ON p.id = i.partner_id JOIN incentive_earning e ON e.id = i.earning_id
				WHERE i.run_id = :run ORDER BY p.name, i.partner_id, i.currency, i.earning_id
				""")
			.param("run", runId)
			.query((rs, n) -> new Item(rs.getLong("earning_id"), rs.getLong("partner_id"), rs.getString("name"),
					rs.getString("kind"), (Long) rs.getObject("opportunity_id", Long.class),
					StoredFigures.render(rs.getString("basis"), Reading.locale(this.calendar.locale())),
					MinorUnits.round(rs.getBigDecimal("amount"), rs.getString("currency")), rs.getString("currency"),
					rs.getTimestamp("paid_at").toInstant()))
			.list();
	}

	private static Line line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		var currency = rs.getString("currency");
		return new Line(rs.getLong("partner_id"), rs.getString("name"), currency, rs.getLong("items"),
				MinorUnits.round(rs.getBigDecimal("amount"), currency));
	}

	/**
	 * A short fingerprint of what would be paid: a run confirmed against another is
	 * refused.
	 */
	static String fingerprint(List<Line> lines) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			for (var line : lines) {
				digest.update((line.partnerId() + "|" + line.currency() + "|" + line.items() + "|"
						+ line.amount().toPlainString() + "\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether {@code text} has the form of a {@link #fingerprint}. */
	static boolean isFingerprint(String text) {
		return text.matches("[0-9a-f]{16}");
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin sees payouts");
		}
	}

	/** A partner's payment in one currency. */
	public record Line(long partnerId, String partnerName, String currency, long items, BigDecimal amount) {

		/** The amount at its currency's minor unit, whatever scale it was summed with. */
		public Line {
			amount = MinorUnits.round(amount, currency);
		}

	}

	/**
	 * @param pay what a run would pay now
	 * @param totals the sum per currency
	 * @param held what open credit disputes hold back
	 * @param fingerprint confirms a run against this preview
	 */
	public record Preview(List<Line> pay, java.util.Map<String, BigDecimal> totals, List<Line> held,
			String fingerprint) {
	}

	/**
	 * @param totals what the run paid per currency, by currency code
	 */
	public record Run(long id, Instant startedAt, Instant finishedAt, String status, String outcome, String startedBy,
			long items, java.util.SortedMap<String, BigDecimal> totals) {
	}

	public record Item(long earningId, long partnerId, String partnerName, String kind, Long opportunityId,
			String basis, BigDecimal amount, String currency, Instant paidAt) {

		/** The amount at its currency's minor unit, whatever scale it was read with. */
		public Item {
			amount = MinorUnits.round(amount, currency);
		}

	}

}
