package com.trellis.guidance;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.trellis.shared.SqlIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The weekly digests: who has recommendations waiting, which were listed in a digest
 * already, who a week's run has handled so far ({@code guidance_digest_person}, V272: one
 * row per person and week, written in the batch's transaction with the person's digest),
 * and the week's key ({@code guidance_digest_run}, V80) that makes a week's digests go
 * out once across instances. People are user ids; a week is named by its Monday.
 */
@Repository
class DigestStore {

	private final JdbcClient jdbc;

	DigestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Waits for any other instance's digest batch, inside the caller's transaction (held
	 * until it commits or rolls back).
	 */
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

	/**
	 * Records the week as sent, counting the people the week's batches sent a digest to,
	 * and drops the week's per-person rows (the week's key alone tells from now on);
	 * returns that count.
	 */
	int record(LocalDate weekStart, Instant at) {
		var week = Date.valueOf(weekStart);
		int people = this.jdbc.sql("""
				SELECT count(*) FROM guidance_digest_person WHERE week_start = :week AND sent
				""").param("week", week).query(Integer.class).single();
		this.jdbc.sql("INSERT INTO guidance_digest_run (week_start, people, finished_at) VALUES (:week, :people, :at)")
			.param("week", week)
			.param("people", people)
			.param("at", Timestamp.from(at))
			.update();
		this.jdbc.sql("DELETE FROM guidance_digest_person WHERE week_start = :week").param("week", week).update();
		return people;
	}

	/**
	 * Everyone with a recommendation of the latest run waiting on them (open, or snoozed
	 * until today or before) whom no batch of the week has handled yet, by user id.
	 */
	List<Long> pendingPeople(LocalDate today, LocalDate weekStart) {
		return this.jdbc.sql("""
				SELECT DISTINCT r.user_id FROM guidance_recommendation r
				WHERE r.last_seen_on = (SELECT max(day) FROM guidance_run)
				  AND (r.state = 'OPEN' OR (r.state = 'SNOOZED' AND r.snoozed_until <= :today))
				  AND NOT EXISTS (SELECT 1 FROM guidance_digest_person p
				                  WHERE p.week_start = :week AND p.user_id = r.user_id)
				ORDER BY r.user_id
				""")
			.param("today", Date.valueOf(today))
			.param("week", Date.valueOf(weekStart))
			.query(Long.class)
			.list();
	}

	/**
	 * Those of these people whom no batch of the week has handled yet, by user id: read
	 * under {@link #lock()}, so after every other instance's batch that committed.
	 */
	List<Long> unhandled(LocalDate weekStart, List<Long> people) {
		return this.jdbc.sql("""
				SELECT u.id FROM unnest(CAST(:people AS BIGINT[])) AS u(id)
				WHERE NOT EXISTS (SELECT 1 FROM guidance_digest_person p
				                  WHERE p.week_start = :week AND p.user_id = u.id)
				ORDER BY u.id
				""")
			.param("week", Date.valueOf(weekStart))
			.param("people", SqlIds.array(people))
			.query(Long.class)
			.list();
	}

	/** Notes these people as handled in the week, those in {@code sent} with a digest. */
	void handled(LocalDate weekStart, List<Long> people, Collection<Long> sent) {
		if (people.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO guidance_digest_person (week_start, user_id, sent)
				SELECT :week, u.id, u.id = ANY (CAST(:sent AS BIGINT[]))
				FROM unnest(CAST(:people AS BIGINT[])) AS u(id)
				""")
			.param("week", Date.valueOf(weekStart))
			.param("people", SqlIds.array(people))
			.param("sent", SqlIds.array(sent))
			.update();
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
				UPDATE guidance_recommendation SET digested_on = :day
				WHERE id = ANY (CAST(:ids AS BIGINT[])) AND digested_on IS NULL
				""").param("day", Date.valueOf(day)).param("ids", SqlIds.array(ids)).update();
	}

}
