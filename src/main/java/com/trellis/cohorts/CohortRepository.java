package com.trellis.cohorts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cohorts and memberships; the split's candidates come from reporting SQL over partners
 * and their latest readiness score.
 */
@Repository
class CohortRepository {

	private static final String MEMBERSHIP = """
			SELECT m.cohort_id, c.name, c.kind, m.partner_id, p.name, m.valid_from, m.valid_to, m.reason
			FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id JOIN partner p ON p.id = m.partner_id
			""";

	private final JdbcClient jdbc;

	CohortRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Partners to place (not prospects, not sunset), with their keys and latest
	 * readiness.
	 */
	List<CohortSplit.Candidate> candidates() {
		return this.jdbc.sql("""
				SELECT p.id, coalesce(p.verticals[1], 'No vertical'), p.type,
				  (SELECT s.score FROM partner_score_week s WHERE s.partner_id = p.id AND s.pillar = 'READINESS'
				   ORDER BY s.week_start DESC LIMIT 1)
				FROM partner p WHERE p.lifecycle_status NOT IN ('PROSPECT', 'SUNSET') ORDER BY p.id
				""").query((rs, n) -> {
			BigDecimal readiness = rs.getBigDecimal(4);
			return new CohortSplit.Candidate(rs.getLong(1), MaturityBand.of(readiness), rs.getString(2),
					rs.getString(3), readiness);
		}).list();
	}

	boolean any() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM cohort)").query(Boolean.class).single();
	}

	/** Active rule cohorts by key. */
	Map<String, Long> ruleCohorts() {
		return this.jdbc.sql("SELECT rule_key, id FROM cohort WHERE kind = 'RULE' AND retired_at IS NULL")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Whether a cohort (made by hand or by a rule) has this name, in any case. */
	boolean named(String name) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM cohort WHERE lower(name) = lower(:name))")
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	long create(String name, String kind, String ruleKey, String basis, Long by, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO cohort (name, kind, rule_key, basis, created_at, created_by)
				VALUES (:name, :kind, :key, :basis, :at, :by) RETURNING id
				""")
			.param("name", name)
			.param("kind", kind)
			.param("key", ruleKey)
			.param("basis", basis)
			.param("at", Timestamp.from(at))
			.param("by", by, java.sql.Types.BIGINT)
			.query(Long.class)
			.single();
	}

	void rename(long id, String name, String basis) {
		this.jdbc.sql("UPDATE cohort SET name = :name, basis = :basis WHERE id = :id")
			.param("name", name)
			.param("basis", basis)
			.param("id", id)
			.update();
	}

	void retire(long id, Instant at) {
		this.jdbc.sql("UPDATE cohort SET retired_at = :at WHERE id = :id AND retired_at IS NULL")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
		endAll(id, at);
	}

	/** The partners currently in a cohort. */
	List<Long> currentMembers(long cohortId) {
		return this.jdbc.sql("SELECT partner_id FROM cohort_membership WHERE cohort_id = :c AND valid_to IS NULL")
			.param("c", cohortId)
			.query(Long.class)
			.list();
	}

	/** The rule cohort each partner is currently in. */
	Map<Long, Long> currentRuleCohort() {
		return this.jdbc.sql("""
				SELECT m.partner_id, m.cohort_id FROM cohort_membership m JOIN cohort c ON c.id = m.cohort_id
				WHERE c.kind = 'RULE' AND m.valid_to IS NULL
				""")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void join(long cohortId, long partnerId, String reason, Instant at) {
		this.jdbc.sql("""
				INSERT INTO cohort_membership (cohort_id, partner_id, valid_from, reason)
				VALUES (:c, :p, :at, :reason) ON CONFLICT DO NOTHING
				""")
			.param("c", cohortId)
			.param("p", partnerId)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.update();
	}

	int leave(long cohortId, long partnerId, Instant at) {
		return this.jdbc.sql(
				"UPDATE cohort_membership SET valid_to = :at WHERE cohort_id = :c AND partner_id = :p AND valid_to IS NULL")
			.param("at", Timestamp.from(at))
			.param("c", cohortId)
			.param("p", partnerId)
			.update();
	}

	private void endAll(long cohortId, Instant at) {
		this.jdbc.sql("UPDATE cohort_membership SET valid_to = :at WHERE cohort_id = :c AND valid_to IS NULL")
			.param("at", Timestamp.from(at))
			.param("c", cohortId)
			.update();
	}

	/**
	 * Active cohorts with their current size; for a PAM ({@code pam} not null) only those
	 * with a partner of the book, with how many are theirs.
	 */
	List<CohortView> list(Long pam) {
		return this.jdbc.sql("""
				SELECT c.id, c.name, c.kind, c.basis, count(m.id),
				       count(m.id) FILTER (WHERE CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam), c.created_at
				FROM cohort c LEFT JOIN cohort_membership m ON m.cohort_id = c.id AND m.valid_to IS NULL
				LEFT JOIN partner p ON p.id = m.partner_id
				WHERE c.retired_at IS NULL
				GROUP BY c.id HAVING CAST(:pam AS BIGINT) IS NULL
				  OR count(m.id) FILTER (WHERE p.owner_pam_id = :pam) > 0
				ORDER BY c.kind DESC, c.name
				""")
			.param("pam", pam, java.sql.Types.BIGINT)
			.query((rs, n) -> new CohortView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * The cohorts a viewer's list holds ({@code :pam} null: every active cohort; else
	 * those with a current member of the book, with how many), as a CTE {@code scoped
	 * (cohort_id, in_book)}; a book's is read from its partners.
	 */
	private static final String SCOPED = """
			WITH scoped AS (
			  SELECT c.id AS cohort_id, CAST(NULL AS BIGINT) AS in_book FROM cohort c
			  WHERE CAST(:pam AS BIGINT) IS NULL AND c.retired_at IS NULL
			  UNION ALL
			  SELECT m.cohort_id, count(*) FROM partner p
			  JOIN cohort_membership m ON m.partner_id = p.id AND m.valid_to IS NULL
			  JOIN cohort c ON c.id = m.cohort_id AND c.retired_at IS NULL
			  WHERE p.owner_pam_id = :pam GROUP BY m.cohort_id)
			""";

	/**
	 * A page of {@link #list}, in its order (then by id), with the list's total: only the
	 * page's cohorts are counted.
	 */
	com.trellis.shared.PageResult<CohortView> page(Long pam, com.trellis.shared.PageRequest request) {
		var total = new long[1];
		var items = this.jdbc
			.sql(SCOPED
					+ """
							, listed AS (
							  SELECT c.id, c.name, c.kind, c.basis, c.created_at, s.in_book FROM scoped s JOIN cohort c ON c.id = s.cohort_id
							  ORDER BY c.kind DESC, c.name, c.id LIMIT :size OFFSET :offset)
							SELECT t.total, l.id, l.name, l.kind, l.basis, n.members, coalesce(l.in_book, n.members), l.created_at
							FROM (SELECT count(*) AS total FROM scoped) t
							LEFT JOIN (listed l CROSS JOIN LATERAL (SELECT count(*) AS members FROM cohort_membership m
							                                         WHERE m.cohort_id = l.id AND m.valid_to IS NULL) n) ON TRUE
							ORDER BY l.kind DESC, l.name, l.id
							""")
			.param("pam", pam, java.sql.Types.BIGINT)
			.param("size", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong(1);
				return rs.getObject(2) == null ? null : new CohortView(rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getTimestamp(8).toInstant());
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		return new com.trellis.shared.PageResult<>(items, request.page(), request.size(), total[0]);
	}

	/**
	 * The ids of the {@code n} cohorts of {@link #list} with the most partners (a PAM: of
	 * the book), ties in the list's order.
	 */
	List<Long> largest(Long pam, int n) {
		return this.jdbc.sql(SCOPED + """
				SELECT s.cohort_id FROM scoped s JOIN cohort c ON c.id = s.cohort_id
				ORDER BY coalesce(s.in_book, (SELECT count(*) FROM cohort_membership m
				                              WHERE m.cohort_id = s.cohort_id AND m.valid_to IS NULL)) DESC,
				         c.kind DESC, c.name, c.id
				LIMIT :n
				""").param("pam", pam, java.sql.Types.BIGINT).param("n", n).query(Long.class).list();
	}

	/**
	 * Those of {@code ids} that are not in the viewer's {@link #list} ({@code :pam} null:
	 * not an active cohort; else no current member in the book), in ascending order.
	 */
	List<Long> unlisted(Long pam, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SCOPED + """
				SELECT DISTINCT i.id FROM unnest(CAST(:ids AS BIGINT[])) AS i(id)
				WHERE i.id NOT IN (SELECT s.cohort_id FROM scoped s) ORDER BY i.id
				""")
			.param("pam", pam, java.sql.Types.BIGINT)
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	/**
	 * Membership history of a cohort (a PAM: of the book's partners only), newest first.
	 */
	List<Membership> ofCohort(long cohortId, Long pam) {
		return this.jdbc
			.sql(MEMBERSHIP + " WHERE m.cohort_id = :c AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)"
					+ " ORDER BY m.valid_to DESC NULLS FIRST, p.name")
			.param("c", cohortId)
			.param("pam", pam, java.sql.Types.BIGINT)
			.query(CohortRepository::membership)
			.list();
	}

	/** A partner's cohort history, newest first. */
	List<Membership> ofPartner(long partnerId) {
		return this.jdbc.sql(MEMBERSHIP + " WHERE m.partner_id = :p ORDER BY m.valid_from DESC, m.id DESC")
			.param("p", partnerId)
			.query(CohortRepository::membership)
			.list();
	}

	boolean exists(long cohortId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM cohort WHERE id = :c AND retired_at IS NULL)")
			.param("c", cohortId)
			.query(Boolean.class)
			.single();
	}

	String kind(long cohortId) {
		return this.jdbc.sql("SELECT kind FROM cohort WHERE id = :c").param("c", cohortId).query(String.class).single();
	}

	private static Membership membership(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Membership(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
				rs.getString(8));
	}

}
