package com.trellis.activation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A partner's activation blockers ({@code partner_blocker}): recorded by the partner's
 * PAM or an admin, at most one open blocker of each kind per partner, each resolved once.
 * Split from {@link ActivationRepository}, which keeps the plans and their milestones.
 */
@Repository
class BlockerRepository {

	private final JdbcClient jdbc;

	BlockerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The open blockers of the given partners in one statement, per partner oldest first
	 * as {@link #openBlockers(long)} gives them (a partner without any is absent).
	 */
	Map<Long, List<ActivationPlanView.BlockerView>> openBlockers(List<Long> partnerIds) {
		var result = new java.util.HashMap<Long, List<ActivationPlanView.BlockerView>>();
		if (partnerIds.isEmpty()) {
			return result;
		}
		this.jdbc
			.sql("""
					SELECT partner_id, id, blocker, note, recorded_at FROM partner_blocker
					WHERE partner_id = ANY (CAST(:partners AS BIGINT[])) AND resolved_at IS NULL ORDER BY partner_id, recorded_at, id
					""")
			.param("partners", com.trellis.shared.SqlIds.array(partnerIds))
			.query((rs, n) -> {
				result.computeIfAbsent(rs.getLong(1), p -> new java.util.ArrayList<>())
					.add(new ActivationPlanView.BlockerView(rs.getLong(2), Blocker.valueOf(rs.getString(3)),
							rs.getString(4), rs.getTimestamp(5).toInstant()));
				return null;
			})
			.list();
		return result;
	}

	List<ActivationPlanView.BlockerView> openBlockers(long partnerId) {
		return this.jdbc.sql("""
				SELECT id, blocker, note, recorded_at FROM partner_blocker
				WHERE partner_id = :partner AND resolved_at IS NULL ORDER BY recorded_at, id
				""")
			.param("partner", partnerId)
			.query((rs, n) -> new ActivationPlanView.BlockerView(rs.getLong(1), Blocker.valueOf(rs.getString(2)),
					rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Records an open blocker; false, writing nothing, when one of that kind is open on
	 * the partner already (one open blocker per kind and partner).
	 */
	boolean recordBlocker(long partnerId, Blocker blocker, String note, long userId, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO partner_blocker (partner_id, blocker, note, recorded_by, recorded_at)
				VALUES (:partner, :blocker, :note, :by, :now) ON CONFLICT DO NOTHING
				""")
			.param("partner", partnerId)
			.param("blocker", blocker.name())
			.param("note", note)
			.param("by", userId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	int resolveBlocker(long partnerId, long blockerId, Instant now) {
		return this.jdbc
			.sql("""
					UPDATE partner_blocker SET resolved_at = :now WHERE id = :id AND partner_id = :partner AND resolved_at IS NULL
					""")
			.param("now", Timestamp.from(now))
			.param("id", blockerId)
			.param("partner", partnerId)
			.update();
	}

	Map<Blocker, Long> blockerCounts() {
		return this.jdbc.sql("""
				SELECT blocker, count(*) FROM partner_blocker WHERE resolved_at IS NULL GROUP BY blocker ORDER BY 2 DESC
				""")
			.query((rs, n) -> Map.entry(Blocker.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

}
