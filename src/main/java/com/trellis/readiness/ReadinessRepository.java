package com.trellis.readiness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Assessment versions, their items and the uploaded material; every read names the
 * partner.
 */
@Repository
class ReadinessRepository {

	private static final String VERSION = """
			SELECT a.id, a.partner_id, a.version, a.status, a.icp_definition, a.sales_process, a.packaged_offers,
			       a.delivery_staff, a.delivery_notes, a.submitted_at, s.display_name, a.decided_at, d.display_name,
			       a.decision_comment
			FROM readiness_assessment a JOIN app_user s ON s.id = a.submitted_by
			LEFT JOIN app_user d ON d.id = a.decided_by
			""";

	private final JdbcClient jdbc;

	ReadinessRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int lastVersion(long partnerId) {
		return this.jdbc.sql("SELECT coalesce(max(version), 0) FROM readiness_assessment WHERE partner_id = :p")
			.param("p", partnerId)
			.query(Integer.class)
			.single();
	}

	boolean awaitsDecision(long partnerId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM readiness_assessment WHERE partner_id = :p AND status = 'SUBMITTED')")
			.param("p", partnerId)
			.query(Boolean.class)
			.single();
	}

	long insert(long partnerId, int version, AssessmentCommand c, long by, Instant at) {
		long id = this.jdbc.sql("""
				INSERT INTO readiness_assessment (partner_id, version, status, icp_definition, sales_process,
				  packaged_offers, delivery_staff, delivery_notes, submitted_at, submitted_by)
				VALUES (:p, :v, 'SUBMITTED', :icp, :sales, :offers, :staff, :notes, :at, :by) RETURNING id
				""")
			.param("p", partnerId)
			.param("v", version)
			.param("icp", c.icpDefinition().strip())
			.param("sales", c.salesProcess())
			.param("offers", c.packagedOffers())
			.param("staff", c.deliveryStaff())
			.param("notes", c.deliveryNotes() == null ? "" : c.deliveryNotes().strip())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
		items(id, "USE_CASE", c.useCases());
		items(id, "SPECIALISATION", c.specialisations());
		return id;
	}

	private void items(long id, String kind, List<ProofItem> items) {
		for (int i = 0; i < items.size(); i++) {
			this.jdbc.sql("""
					INSERT INTO readiness_item (assessment_id, kind, position, title, proof_deal_id)
					VALUES (:a, :k, :i, :t, :d)
					""")
				.param("a", id)
				.param("k", kind)
				.param("i", i)
				.param("t", items.get(i).title().strip())
				.param("d", items.get(i).proofDealId(), java.sql.Types.BIGINT)
				.update();
		}
	}

	/**
	 * Every version of the partner's assessment, newest first, its items marked proven
	 * from {@code won}.
	 */
	List<AssessmentView> versions(long partnerId, Set<Long> won) {
		var versions = this.jdbc.sql(VERSION + " WHERE a.partner_id = :p ORDER BY a.version DESC")
			.param("p", partnerId)
			.query((rs, n) -> version(rs, won))
			.list();
		return versions;
	}

	/** The version accepted last before {@code end}. */
	Optional<AssessmentView> acceptedBefore(long partnerId, Instant end, Set<Long> won) {
		return this.jdbc.sql(VERSION + """
				 WHERE a.partner_id = :p AND a.status = 'ACCEPTED' AND a.decided_at < :end
				ORDER BY a.decided_at DESC LIMIT 1
				""")
			.param("p", partnerId)
			.param("end", Timestamp.from(end))
			.query((rs, n) -> version(rs, won))
			.optional();
	}

	Optional<Integer> awaitingVersion(long partnerId) {
		return this.jdbc.sql("SELECT version FROM readiness_assessment WHERE partner_id = :p AND status = 'SUBMITTED'")
			.param("p", partnerId)
			.query(Integer.class)
			.optional();
	}

	int decide(long partnerId, int version, boolean accept, String comment, long by, Instant at) {
		return this.jdbc.sql("""
				UPDATE readiness_assessment SET status = :s, decided_at = :at, decided_by = :by, decision_comment = :c
				WHERE partner_id = :p AND version = :v AND status = 'SUBMITTED'
				""")
			.param("s", accept ? "ACCEPTED" : "RETURNED")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("c", comment)
			.param("p", partnerId)
			.param("v", version)
			.update();
	}

	long addMaterial(long partnerId, String name, String type, byte[] content, long by, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO readiness_material (partner_id, file_name, content_type, size_bytes, content, uploaded_at,
				  uploaded_by) VALUES (:p, :n, :t, :s, :c, :at, :by) RETURNING id
				""")
			.param("p", partnerId)
			.param("n", name)
			.param("t", type)
			.param("s", content.length)
			.param("c", content)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	List<MaterialView> materials(long partnerId) {
		return this.jdbc.sql("""
				SELECT id, file_name, content_type, size_bytes, uploaded_at, rating FROM readiness_material
				WHERE partner_id = :p ORDER BY uploaded_at DESC, id DESC
				""")
			.param("p", partnerId)
			.query((rs, n) -> new MaterialView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant(), (Integer) rs.getObject(6)))
			.list();
	}

	/** A material's name, type and bytes, only when it belongs to the partner. */
	Optional<Object[]> content(long partnerId, long materialId) {
		return this.jdbc
			.sql("SELECT file_name, content_type, content FROM readiness_material WHERE id = :m AND partner_id = :p")
			.param("m", materialId)
			.param("p", partnerId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBytes(3) })
			.optional();
	}

	int rate(long partnerId, long materialId, int rating, long by, Instant at) {
		return this.jdbc.sql("""
				UPDATE readiness_material SET rating = :r, rated_at = :at, rated_by = :by
				WHERE id = :m AND partner_id = :p
				""")
			.param("r", rating)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("m", materialId)
			.param("p", partnerId)
			.update();
	}

	/**
	 * The PAM's average rating of material uploaded and rated before {@code end}, or
	 * null.
	 */
	Double averageRating(long partnerId, Instant end) {
		return this.jdbc.sql("""
				SELECT avg(rating) FROM readiness_material
				WHERE partner_id = :p AND uploaded_at < :end AND rated_at < :end
				""")
			.param("p", partnerId)
			.param("end", Timestamp.from(end))
			.query(Double.class)
			.optional()
			.orElse(null);
	}

	private AssessmentView version(ResultSet rs, Set<Long> won) throws SQLException {
		long id = rs.getLong(1);
		var useCases = new ArrayList<AssessmentView.Item>();
		var specialisations = new ArrayList<AssessmentView.Item>();
		this.jdbc
			.sql("SELECT kind, title, proof_deal_id FROM readiness_item WHERE assessment_id = :a ORDER BY position")
			.param("a", id)
			.query((r, n) -> {
				var deal = (Long) r.getObject(3);
				var item = new AssessmentView.Item(r.getString(2), deal, deal != null && won.contains(deal));
				return ("USE_CASE".equals(r.getString(1)) ? useCases : specialisations).add(item);
			})
			.list();
		return new AssessmentView(id, rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), useCases,
				rs.getInt(6), rs.getInt(7), specialisations, rs.getInt(8), rs.getString(9),
				rs.getTimestamp(10).toInstant(), rs.getString(11),
				rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13),
				rs.getString(14));
	}

}
