package com.trellis.deals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of corrections made to closed deals. */
@Repository
class CorrectionRepository {

	private final JdbcClient jdbc;

	CorrectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long opportunityId, String what, String before, String after, String reason, Long by, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO deal_correction (opportunity_id, what, before, after, reason, corrected_by, corrected_at)
				VALUES (:deal, :what, :before, :after, :reason, :by, :at) RETURNING id
				""")
			.param("deal", opportunityId)
			.param("what", what)
			.param("before", before)
			.param("after", after)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	List<Correction> of(long opportunityId) {
		return this.jdbc.sql("""
				SELECT id, what, before, after, reason, corrected_by, corrected_at FROM deal_correction
				WHERE opportunity_id = :deal ORDER BY corrected_at, id
				""")
			.param("deal", opportunityId)
			.query((rs, n) -> new Correction(rs.getLong("id"), rs.getString("what"), rs.getString("before"),
					rs.getString("after"), rs.getString("reason"), rs.getObject("corrected_by", Long.class),
					rs.getTimestamp("corrected_at").toInstant()))
			.list();
	}

}
