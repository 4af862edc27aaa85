package com.trellis.guidance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The weekly digests: who has recommendations waiting, which were listed in a digest
 * already, and the week's key that makes a week's digests go out once across instances.
 */
@Repository
class DigestStore {

	private final JdbcClient jdbc;

	DigestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Waits for any other instance's digest run, inside the caller's transaction. */
	void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('guidance-weekly-digest', 0))")
			.query()
			.singleRow();
	}

	boolean sent(LocalDate weekStart) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM guidance_digest_run WHERE week_start = :week)")
			.param("week", Date.valueOf(weekStart))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether the guidance run of the day has finished (its key is written in the run's
	 * own transaction, with the recommendations).
	 */
	boolean guidanceRanOn(LocalDate day) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM guidance_run WHERE day = :day)")
			.param("day", Date.valueOf(day))
			.query(Boolean.class)
			.single();
	}

	void record(LocalDate weekStart, int people, Instant at) {
		this.jdbc.sql("INSERT INTO guidance_digest_run (week_start, people, finished_at) VALUES (:week, :people, :at)")
			.param("week", Date.valueOf(weekStart))
			.param("people", people)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Everyone with a recommendation of the latest run waiting on them (open, or snoozed
	 * until today or before), by user id.
	 */
	List<Long> waitingPeople(LocalDate today) {
		return this.jdbc.sql("""
				SELECT DISTINCT user_id FROM guidance_recommendation
				WHERE last_seen_on = (SELECT max(day) FROM guidance_run)
				  AND (state = 'OPEN' OR (state = 'SNOOZED' AND snoozed_until <= :today))
				ORDER BY user_id
				""").param("today", Date.valueOf(today)).query(Long.class).list();
	}

	/** Which of these recommendations a digest listed before. */
	Set<Long> digested(List<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("SELECT id FROM guidance_recommendation WHERE id IN (:ids) AND digested_on IS NOT NULL")
					.param("ids", ids)
					.query(Long.class)
					.list());
	}

	/** Notes the day a digest first listed each of them. */
	void listed(List<Long> ids, LocalDate day) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE guidance_recommendation SET digested_on = :day WHERE id IN (:ids) AND digested_on IS NULL
				""").param("day", Date.valueOf(day)).param("ids", ids).update();
	}

}
