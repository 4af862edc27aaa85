package com.trellis.activity;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The monthly partitions of the activity events (V104, {@link ActivityPartitions}). Each
 * test writes events in a year of its own, far from the demo's, so the shared database's
 * other events are never moved or dropped.
 */
@TrellisTest
class ActivityPartitionsTests {

	@Autowired
	ActivityPartitions partitions;

	@Autowired
	ActivityImport events;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AuditLog audit;

	@Autowired
	TestClock clock;

	@Test
	void theComingMonthsHaveTheirTablesOnceTrellisIsReady() {
		var now = YearMonth.from(TestClock.START.atZone(java.time.ZoneOffset.UTC));
		assertThat(this.partitions.months()).contains(now, now.plusMonths(1), now.plusMonths(2), now.plusMonths(3));
		assertThat(partitionOf(write("2026-11-22T10:00:00Z"))).isEqualTo("activity_event_2026_11");
	}

	@Test
	void anEventOfAMonthWithoutItsTableIsKeptAndMovedIntoItsMonth() {
		long id = write("1991-03-31T23:59:59Z");
		assertThat(partitionOf(id)).isEqualTo("activity_event_default");

		this.partitions.maintain();

		assertThat(partitionOf(id)).isEqualTo("activity_event_1991_03");
		assertThat(this.events.find(id)).get()
			.extracting(ActivityEvent::occurredAt)
			.isEqualTo(Instant.parse("1991-03-31T23:59:59Z"));
		// the first instant of the next month belongs to the next month
		assertThat(partitionOf(write("1991-04-01T00:00:00Z"))).isEqualTo("activity_event_default");
	}

	@Test
	void aScanOverOneMonthReadsOnlyThatMonthsPartition() {
		this.transaction.executeWithoutResult(status -> this.partitions
			.ensureMonths(Instant.parse("1992-01-01T00:00:00Z"), Instant.parse("1992-12-01T00:00:00Z")));
		var plan = String.join("\n", this.jdbc.sql("""
				EXPLAIN SELECT count(*) FROM activity_event
				WHERE occurred_at >= TIMESTAMPTZ '1992-05-01 00:00Z' AND occurred_at < TIMESTAMPTZ '1992-06-01 00:00Z'
				""").query(String.class).list());
		assertThat(plan).contains("activity_event_1992_05")
			.doesNotContain("activity_event_1992_04")
			.doesNotContain("activity_event_1992_06")
			.doesNotContain("activity_event_2026");
	}

	@Test
	void twoInstancesCreatingTheSameMonthsCreateEachOnce() throws Exception {
		Callable<Integer> create = () -> this.transaction.execute(status -> this.partitions
			.ensureMonths(Instant.parse("1993-01-10T00:00:00Z"), Instant.parse("1993-06-10T00:00:00Z")));
		var pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			runs.add(pool.submit(create));
			runs.add(pool.submit(create));
			assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(6);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.partitions.months()).contains(YearMonth.of(1993, 1), YearMonth.of(1993, 6));
	}

	@Test
	void theRetentionDropsWholeOldMonthsAndAuditsTheirEvents() {
		long old = write("1994-02-14T09:00:00Z");
		write("1994-02-15T09:00:00Z");
		long kept = write("1995-03-01T00:00:00Z");
		// the kept event's partner also had an event in the dropped month and one ten
		// days
		// after it: its first event left begins a pause (V203)
		this.transaction.executeWithoutResult(status -> this.jdbc.sql("""
				INSERT INTO activity_event (partner_id, type, occurred_at)
				SELECT partner_id, 'PORTAL_LOGIN', at FROM activity_event,
				       unnest(CAST(ARRAY['1994-02-20T09:00:00Z', '1994-03-02T09:00:00Z'] AS TIMESTAMPTZ[])) AS at
				WHERE id = :id""").param("id", kept).update());
		this.transaction.executeWithoutResult(status -> this.partitions
			.ensureMonths(Instant.parse("1994-02-01T00:00:00Z"), Instant.parse("1995-03-01T00:00:00Z")));
		// thirteen months kept, counted back from April 1995: March 1994 onwards
		this.clock.set(Instant.parse("1995-04-10T00:00:00Z"));
		var retaining = new ActivityPartitions(this.jdbc, this.audit, this.clock, 3, 13);

		// a bean would run it in its own transaction; this instance is not proxied
		var done = this.transaction.execute(status -> retaining.maintain());

		assertThat(done.dropped()).containsEntry(YearMonth.of(1994, 2), 3L);
		assertThat(this.events.find(old)).isEmpty();
		assertThat(this.events.find(kept)).isPresent();
		// the facts' latest activity of the dropped event's partner goes with it
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM partner_activity_fact f JOIN activity_event e"
					+ " ON e.partner_id = f.partner_id WHERE e.id = :id")
			.param("id", kept)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_activity_fact WHERE last_at < '1994-03-01'")
			.query(Long.class)
			.single()).isZero();
		// the kept pauses between events (V203) equal a recomputation from what is left
		var pauses = "SELECT partner_id, prev_at, next_at FROM partner_activity_gap ORDER BY 1, 3";
		assertThat(this.jdbc.sql(pauses).query().listOfRows()).isEqualTo(this.jdbc.sql("""
				SELECT x.partner_id, COALESCE(x.prev, '-infinity') AS prev_at, x.at AS next_at
				FROM (SELECT e.partner_id, e.occurred_at AS at,
				             lag(e.occurred_at) OVER (PARTITION BY e.partner_id ORDER BY e.occurred_at) AS prev
				      FROM activity_event e) x
				WHERE x.prev IS NULL OR x.at - x.prev > INTERVAL '28 days'
				ORDER BY 1, 3""").query().listOfRows());
		assertThat(this.partitions.months()).doesNotContain(YearMonth.of(1994, 2)).contains(YearMonth.of(1994, 3));
		assertThat(this.audit.history("activity_event_month", "1994-02")).singleElement()
			.satisfies(entry -> assertThat(entry.before()).contains("\"events\": 3"));
	}

	@Test
	void settingsOutsideTheirRangeAreRefusedNamingTheSetting() {
		assertThatThrownBy(() -> new ActivityPartitions(this.jdbc, this.audit, this.clock, 3, 6))
			.hasMessageContaining("trellis.activity.retention-months");
		assertThatThrownBy(() -> new ActivityPartitions(this.jdbc, this.audit, this.clock, 0, 0))
			.hasMessageContaining("trellis.activity.partitions-ahead");
	}

	private long write(String at) {
		long partner = this.fixtures.partner("Partitioned " + at, this.fixtures.user(Role.PAM).userId());
		return this.transaction
			.execute(status -> this.events.create(partner, null, "PORTAL_LOGIN", Instant.parse(at), null));
	}

	private String partitionOf(long id) {
		return this.jdbc.sql("SELECT tableoid::regclass::text FROM activity_event WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
