package com.trellis.dormancy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReengagementRepository {

	private final JdbcClient jdbc;

	ReengagementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long start(long partnerId, String cause, String evidence, long userId, Instant now, LocalDate today) {
		long id = this.jdbc.sql("""
				INSERT INTO reengagement (partner_id, cause, evidence, status, started_by, started_at)
				VALUES (:partner, :cause, :evidence, 'RUNNING', :by, :now) RETURNING id
				""")
			.param("partner", partnerId)
			.param("cause", cause)
			.param("evidence", evidence)
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		int position = 0;
		for (var kind : StepKind.values()) {
			this.jdbc
				.sql("""
						INSERT INTO reengagement_step (reengagement_id, position, kind, due_on) VALUES (:id, :position, :kind, :due)
						""")
				.param("id", id)
				.param("position", position)
				.param("kind", kind.name())
				.param("due", today.plusDays(7L * position))
				.update();
			position++;
		}
		return id;
	}

	Optional<DormancyView.Sequence> open(long partnerId) {
		return this.jdbc.sql("""
				SELECT id, cause, status, started_at FROM reengagement
				WHERE partner_id = :partner AND status IN ('RUNNING', 'SUNSET_PROPOSED')
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new DormancyView.Sequence(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), steps(rs.getLong(1))))
			.optional();
	}

	List<DormancyView.Step> steps(long reengagementId) {
		return this.jdbc
			.sql("""
					SELECT id, kind, due_on, done_at, note FROM reengagement_step WHERE reengagement_id = :id ORDER BY position
					""")
			.param("id", reengagementId)
			.query((rs, n) -> {
				var done = rs.getTimestamp(4);
				return new DormancyView.Step(rs.getLong(1), StepKind.valueOf(rs.getString(2)),
						rs.getObject(3, LocalDate.class), done == null ? null : done.toInstant(), rs.getString(5));
			})
			.list();
	}

	int completeStep(long reengagementId, long stepId, long userId, String note, Instant now) {
		return this.jdbc.sql("""
				UPDATE reengagement_step SET done_at = :now, done_by = :by, note = :note
				WHERE id = :step AND reengagement_id = :id AND done_at IS NULL
				""")
			.param("now", Timestamp.from(now))
			.param("by", userId)
			.param("note", note)
			.param("step", stepId)
			.param("id", reengagementId)
			.update();
	}

	void end(long id, String status, Instant now) {
		this.jdbc.sql("UPDATE reengagement SET status = :status, ended_at = :now WHERE id = :id")
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/**
	 * Marks a running sequence as ending in a sunset proposal; false when it no longer
	 * runs (another instance's run marked it first).
	 */
	boolean proposeSunset(long id) {
		return this.jdbc.sql("UPDATE reengagement SET status = 'SUNSET_PROPOSED' WHERE id = :id AND status = 'RUNNING'")
			.param("id", id)
			.update() == 1;
	}

	/** Running sequences whose every step is done or past due, with the partner. */
	List<long[]> runOut(LocalDate today) {
		return this.jdbc.sql("""
				SELECT r.id, r.partner_id FROM reengagement r WHERE r.status = 'RUNNING'
				AND NOT EXISTS (SELECT 1 FROM reengagement_step s WHERE s.reengagement_id = r.id
				                AND s.done_at IS NULL AND s.due_on >= :today)
				""").param("today", today).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
	}

}
