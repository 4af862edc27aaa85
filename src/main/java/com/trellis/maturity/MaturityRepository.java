package com.trellis.maturity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored assessments: one row per submission with its answers and area results,
 * inserted and never changed (the tables refuse updates).
 */
@Repository
class MaturityRepository {

	/** A stored assessment before it is worded; {@code answeredById} the user's id. */
	record Row(long id, Subject subject, Long partnerId, int version, int score, int level, String reason, String note,
			long answeredById, String answeredBy, Instant answeredAt, Map<String, Integer> answers,
			Map<String, Integer> areaScores, Map<String, Boolean> weak) {
	}

	private final JdbcClient jdbc;

	MaturityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Holds the subject's assessments until the transaction ends: a second submission at
	 * the same moment waits and then sees the first.
	 */
	void lock(Subject subject, Long partnerId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('maturity-assessment'), CAST(:key AS INT))")
			.param("key", subject == Subject.PROGRAM ? -1 : partnerId.intValue())
			.query()
			.singleRow();
	}

	long insert(Subject subject, Long partnerId, int version, MaturityRule.Decision decision,
			Map<String, Integer> answers, String note, long userId, Instant at) {
		long id = this.jdbc.sql("""
				INSERT INTO maturity_assessment (subject, partner_id, questionnaire_version, score, level, reason, note,
				                                 answered_by, answered_at)
				VALUES (:subject, :partner, :version, :score, :level, :reason, :note, :user, :at)
				RETURNING id
				""")
			.param("subject", subject.name())
			.param("partner", partnerId)
			.param("version", version)
			.param("score", decision.score())
			.param("level", decision.level().number())
			.param("reason", decision.reason())
			.param("note", note)
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		answers.forEach((question, answer) -> this.jdbc
			.sql("INSERT INTO maturity_answer (assessment_id, question_id, answer) VALUES (:id, :question, :answer)")
			.param("id", id)
			.param("question", question)
			.param("answer", answer)
			.update());
		for (var area : decision.areas()) {
			this.jdbc.sql("""
					INSERT INTO maturity_area_result (assessment_id, area, score, weak)
					VALUES (:id, :area, :score, :weak)
					""")
				.param("id", id)
				.param("area", area.area())
				.param("score", area.score())
				.param("weak", area.weak())
				.update();
		}
		return id;
	}

	/**
	 * The program's (partner null) or a partner's assessments answered before
	 * {@code before}, newest first, at most {@code limit}.
	 */
	List<Row> history(Subject subject, Long partnerId, Instant before, int limit) {
		var rows = this.jdbc.sql("""
				SELECT a.id, a.subject, a.partner_id, a.questionnaire_version, a.score, a.level, a.reason, a.note,
				       a.answered_by, u.display_name, a.answered_at
				FROM maturity_assessment a JOIN app_user u ON u.id = a.answered_by
				WHERE a.subject = :subject AND a.partner_id IS NOT DISTINCT FROM CAST(:partner AS BIGINT)
				  AND a.answered_at < :before
				ORDER BY a.answered_at DESC, a.id DESC
				LIMIT :limit
				""")
			.param("subject", subject.name())
			.param("partner", partnerId)
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong("id"), Subject.valueOf(rs.getString("subject")),
					rs.getObject("partner_id", Long.class), rs.getInt("questionnaire_version"), rs.getInt("score"),
					rs.getInt("level"), rs.getString("reason"), rs.getString("note"), rs.getLong("answered_by"),
					rs.getString("display_name"), rs.getTimestamp("answered_at").toInstant(), new LinkedHashMap<>(),
					new LinkedHashMap<>(), new LinkedHashMap<>()))
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		var byId = new LinkedHashMap<Long, Row>();
		rows.forEach(r -> byId.put(r.id(), r));
		var ids = new ArrayList<>(byId.keySet());
		this.jdbc.sql("""
				SELECT assessment_id, question_id, answer FROM maturity_answer
				WHERE assessment_id = ANY (CAST(:ids AS BIGINT[])) ORDER BY assessment_id, question_id
				""").param("ids", com.trellis.shared.SqlIds.array(ids)).query(rs -> {
			byId.get(rs.getLong("assessment_id")).answers().put(rs.getString("question_id"), rs.getInt("answer"));
		});
		this.jdbc.sql(
				"SELECT assessment_id, area, score, weak FROM maturity_area_result WHERE assessment_id = ANY (CAST(:ids AS BIGINT[]))")
			.param("ids", com.trellis.shared.SqlIds.array(ids))
			.query(rs -> {
				var row = byId.get(rs.getLong("assessment_id"));
				row.areaScores().put(rs.getString("area"), rs.getInt("score"));
				row.weak().put(rs.getString("area"), rs.getBoolean("weak"));
			});
		return rows;
	}

	/**
	 * Every partner's latest assessment answered before the moment, with the names of its
	 * weak areas' ids, read in two queries (the scoring module's daily run).
	 */
	List<Latest> latestOfPartners(Instant before) {
		var rows = new LinkedHashMap<Long, Latest>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (a.partner_id) a.id, a.partner_id, a.score, a.level, a.reason, a.answered_at
				FROM maturity_assessment a
				WHERE a.subject = 'PARTNER' AND a.answered_at < :before
				ORDER BY a.partner_id, a.answered_at DESC, a.id DESC
				""").param("before", Timestamp.from(before)).query(rs -> {
			rows.put(rs.getLong("id"),
					new Latest(rs.getLong("id"), rs.getLong("partner_id"), rs.getInt("score"), rs.getInt("level"),
							rs.getString("reason"), rs.getTimestamp("answered_at").toInstant(), new ArrayList<>()));
		});
		if (!rows.isEmpty()) {
			this.jdbc.sql("""
					SELECT assessment_id, area FROM maturity_area_result
					WHERE weak AND assessment_id = ANY (:ids) ORDER BY assessment_id, area
					""").param("ids", rows.keySet().toArray(Long[]::new)).query(rs -> {
				rows.get(rs.getLong("assessment_id")).weakAreas().add(rs.getString("area"));
			});
		}
		return List.copyOf(rows.values());
	}

	/** A partner's latest assessment, with its weak areas' ids. */
	record Latest(long id, long partnerId, int score, int level, String reason, Instant answeredAt,
			List<String> weakAreas) {
	}

	/**
	 * How many partners' latest assessment is at each level (1–5), of the given partners
	 * (a PAM's book) or of every partner (null).
	 */
	Map<Integer, Long> partnersByLevel(List<Long> partnerIds) {
		var counts = new LinkedHashMap<Integer, Long>();
		this.jdbc.sql("""
				SELECT latest.level, count(*) AS partners
				FROM (SELECT DISTINCT ON (a.partner_id) a.partner_id, a.level
				      FROM maturity_assessment a
				      WHERE a.subject = 'PARTNER' AND (:all OR a.partner_id = ANY (:ids))
				      ORDER BY a.partner_id, a.answered_at DESC, a.id DESC) AS latest
				GROUP BY latest.level ORDER BY latest.level
				""")
			.param("all", partnerIds == null)
			.param("ids", (partnerIds == null ? List.<Long>of() : partnerIds).toArray(Long[]::new))
			.query(rs -> {
				counts.put(rs.getInt("level"), rs.getLong("partners"));
			});
		return counts;
	}

}
