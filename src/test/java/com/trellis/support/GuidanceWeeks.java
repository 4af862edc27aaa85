package com.trellis.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Business weeks of their own for a test of the weekly digest, after every guidance run
 * the shared test database has seen; closing it puts the guidance tables back as the test
 * found them (its runs, unfinished digest runs' progress and new recommendations removed,
 * the others shown by the run before again), so tests running on earlier days still read
 * theirs.
 */
public final class GuidanceWeeks implements AutoCloseable {

	private final JdbcClient jdbc;

	private final TestClock clock;

	private final LocalDate lastRun;

	private final long lastId;

	private final LocalDate firstMonday;

	public GuidanceWeeks(JdbcClient jdbc, TestClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		var last = jdbc.sql("SELECT max(day) FROM guidance_run").query(java.sql.Date.class).optional();
		this.lastRun = last.map(java.sql.Date::toLocalDate).orElse(null);
		this.lastId = jdbc.sql("SELECT coalesce(max(id), 0) FROM guidance_recommendation").query(Long.class).single();
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		var after = this.lastRun != null && this.lastRun.isAfter(today) ? this.lastRun : today;
		// past every week a digest went out for, so each test's digests are its own
		var digested = jdbc.sql("SELECT max(week_start) + 6 FROM guidance_digest_run")
			.query(java.sql.Date.class)
			.optional()
			.map(java.sql.Date::toLocalDate);
		if (digested.isPresent() && digested.get().isAfter(after)) {
			after = digested.get();
		}
		this.firstMonday = after.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
	}

	/**
	 * Moves the clock to noon of the Monday {@code weeks} after the first one after the
	 * latest run (deals a test made before are that much older).
	 */
	public LocalDate monday(int weeks) {
		var day = this.firstMonday.plusWeeks(weeks);
		this.clock.set(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
		return day;
	}

	@Override
	public void close() {
		this.jdbc.sql("DELETE FROM guidance_recommendation WHERE id > :id").param("id", this.lastId).update();
		this.jdbc.sql("DELETE FROM guidance_run WHERE day >= :day").param("day", this.firstMonday).update();
		// a digest run cut off in a test leaves its week's progress; the next test's
		// weeks
		// may be the same
		this.jdbc.sql("DELETE FROM guidance_digest_person WHERE week_start >= :day")
			.param("day", this.firstMonday)
			.update();
		if (this.lastRun != null) {
			this.jdbc.sql("UPDATE guidance_recommendation SET last_seen_on = :last WHERE last_seen_on > :last")
				.param("last", this.lastRun)
				.update();
		}
	}

}
