package com.trellis.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.trellis.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the monthly partitions of {@code activity_event} (V104): one table per UTC
 * calendar month named {@code activity_event_YYYY_MM}, plus a default partition that
 * catches an event of a month without its own table, so no event is ever refused.
 * <p>
 * {@link #maintain} (the daily job and Trellis's start) creates this month's and the next
 * {@code trellis.activity.partitions-ahead} months' tables (default 3), moves any events
 * found in the default partition into their month's new table (an import of old events
 * lands there), and drops the months wholly older than
 * {@code trellis.activity.retention-months} (0, the default, keeps every month), with an
 * audit entry per dropped month giving its number of events. Bulk writers (the demo) call
 * {@link #ensureMonths} for their period first, so their rows go straight to their month.
 * Every change takes one transaction-scoped advisory lock: two instances never create or
 * drop the same month twice.
 */
@Service
public class ActivityPartitions {

	/** Partition tables' names: {@code activity_event_2026_11}. */
	static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'activity_event_'uuuu_MM");

	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('activity-event-partitions', 0))";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final int ahead;

	private final int retentionMonths;

	ActivityPartitions(JdbcClient jdbc, AuditLog audit, Clock clock,
			@Value("${trellis.activity.partitions-ahead:3}") int ahead,
			@Value("${trellis.activity.retention-months:0}") int retentionMonths) {
		if (ahead < 1 || ahead > 24) {
			throw new IllegalArgumentException(
					"trellis.activity.partitions-ahead must be between 1 and 24 months, was " + ahead);
		}
		if (retentionMonths != 0 && (retentionMonths < 13 || retentionMonths > 1200)) {
			throw new IllegalArgumentException("trellis.activity.retention-months must be 0 (keep every month) or "
					+ "13 to 1200 months (scores, cohorts and KPIs compare with a year back), was " + retentionMonths);
		}
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.ahead = ahead;
		this.retentionMonths = retentionMonths;
	}

	/**
	 * The daily maintenance, in the caller's transaction or its own: creates the coming
	 * months, moves default-partition events into their months, applies the retention.
	 * @return what it did
	 */
	@Transactional
	public Maintenance maintain() {
		this.jdbc.sql(LOCK).query().singleRow();
		var now = YearMonth.from(this.clock.instant().atZone(ZoneOffset.UTC));
		var wanted = new TreeSet<YearMonth>();
		for (int i = 0; i <= this.ahead; i++) {
			wanted.add(now.plusMonths(i));
		}
		wanted.addAll(defaultMonths());
		var cutoff = this.retentionMonths == 0 ? null : now.minusMonths(this.retentionMonths);
		if (cutoff != null) {
			wanted.removeIf(month -> month.isBefore(cutoff));
		}
		int created = create(wanted);
		var dropped = cutoff == null ? Map.<YearMonth, Long>of() : dropBefore(cutoff);
		return new Maintenance(created, dropped);
	}

	/**
	 * Makes sure every month from {@code from} to {@code to} (inclusive, UTC) has its
	 * table, in the caller's transaction (which must exist: the tables commit with the
	 * rows written into them).
	 * @return the number of tables created
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int ensureMonths(Instant from, Instant to) {
		this.jdbc.sql(LOCK).query().singleRow();
		var months = new TreeSet<YearMonth>();
		for (var month = YearMonth.from(from.atZone(ZoneOffset.UTC)); !month
			.isAfter(YearMonth.from(to.atZone(ZoneOffset.UTC))); month = month.plusMonths(1)) {
			months.add(month);
		}
		return create(months);
	}

	/** The months that have their own table, oldest first. */
	@Transactional(readOnly = true)
	public List<YearMonth> months() {
		return existing().stream().sorted().toList();
	}

	private int create(Set<YearMonth> months) {
		var existing = existing();
		int created = 0;
		for (var month : months) {
			if (existing.contains(month)) {
				continue;
			}
			String table = NAME.format(month);
			var bounds = new String[] { start(month).toString(), start(month.plusMonths(1)).toString() };
			// rows of this month in the default partition would make the new bound
			// overlap them: they move into the new table before it is attached
			this.jdbc.sql("CREATE TABLE " + table + " (LIKE activity_event INCLUDING DEFAULTS)").update();
			this.jdbc
				.sql("WITH moved AS (DELETE FROM activity_event_default WHERE occurred_at >= :from"
						+ " AND occurred_at < :to RETURNING *) INSERT INTO " + table + " SELECT * FROM moved")
				.param("from", Timestamp.from(start(month)))
				.param("to", Timestamp.from(start(month.plusMonths(1))))
				.update();
			this.jdbc
				.sql("ALTER TABLE activity_event ATTACH PARTITION " + table + " FOR VALUES FROM ('" + bounds[0]
						+ "') TO ('" + bounds[1] + "')")
				.update();
			created++;
		}
		return created;
	}

	private Map<YearMonth, Long> dropBefore(YearMonth cutoff) {
		var dropped = new LinkedHashMap<YearMonth, Long>();
		for (var month : months()) {
			if (!month.isBefore(cutoff)) {
				break;
			}
			String table = NAME.format(month);
			long events = this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
			this.jdbc.sql("DROP TABLE " + table).update();
			this.audit.record(AuditLog.Actor.SYSTEM, "activity_event_month", month.toString(), "RETENTION_DROPPED",
					Map.of("events", events), null);
			dropped.put(month, events);
		}
		long old = this.jdbc.sql("DELETE FROM activity_event_default WHERE occurred_at < :cutoff")
			.param("cutoff", Timestamp.from(start(cutoff)))
			.update();
		if (old > 0) {
			this.audit.record(AuditLog.Actor.SYSTEM, "activity_event_month", "before " + cutoff, "RETENTION_DROPPED",
					Map.of("events", old), null);
			dropped.merge(cutoff.minusMonths(1), (long) old, Long::sum);
		}
		if (!dropped.isEmpty()) {
			// dropping a table fires no trigger: the facts' latest activity (V101) of the
			// partners whose latest event was dropped is read again from what is left
			this.jdbc
				.sql("SELECT facts_activity_refresh(ARRAY(SELECT partner_id FROM partner_activity_fact"
						+ " WHERE last_at < :cutoff))")
				.param("cutoff", Timestamp.from(start(cutoff)))
				.query()
				.listOfRows();
			// and the kept pauses between events (V203): those ending before the cutoff
			// go, each partner's first event left begins one
			this.jdbc.sql("SELECT facts_activity_gaps_after_retention(:cutoff)")
				.param("cutoff", Timestamp.from(start(cutoff)))
				.query()
				.listOfRows();
		}
		return dropped;
	}

	private Set<YearMonth> existing() {
		var names = this.jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = 'activity_event'::regclass AND c.relname <> 'activity_event_default'
				""").query(String.class).list();
		var months = new TreeSet<YearMonth>();
		for (String name : names) {
			months.add(YearMonth.parse(name, NAME));
		}
		return months;
	}

	private List<YearMonth> defaultMonths() {
		return this.jdbc.sql("""
				SELECT DISTINCT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM') FROM activity_event_default
				""").query(String.class).list().stream().map(YearMonth::parse).toList();
	}

	private static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * What one maintenance did.
	 *
	 * @param created month tables created (coming months and months moved out of the
	 * default partition)
	 * @param dropped months dropped by the retention, with their number of events
	 */
	public record Maintenance(int created, Map<YearMonth, Long> dropped) {
	}

}
