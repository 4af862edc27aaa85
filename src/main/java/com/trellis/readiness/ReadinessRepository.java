package com.trellis.readiness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/** The version each partner's PAM accepted last before {@code :end}. */
	private static final String ACCEPTED_LAST = """
			SELECT DISTINCT ON (partner_id) id FROM readiness_assessment
			WHERE status = 'ACCEPTED' AND decided_at < :end ORDER BY partner_id, decided_at DESC
			""";

	/** The proof deals named by the versions accepted last before {@code end}. */
	List<Long> proofDealsAcceptedBefore(Instant end) {
		return this.jdbc
			.sql("SELECT DISTINCT proof_deal_id FROM readiness_item WHERE proof_deal_id IS NOT NULL"
					+ " AND assessment_id IN (" + ACCEPTED_LAST + ")")
			.param("end", Timestamp.from(end))
			.query(Long.class)
			.list();
	}

	/**
	 * Every partner's version accepted last before {@code end}, its items marked proven
	 * when their deal is in {@code won} and the partner's own ({@code wonBy}: deal →
	 * partner).
	 */
	List<AssessmentView> acceptedBefore(Instant end, Map<Long, Long> wonBy) {
		var items = new HashMap<Long, List<Object[]>>();
		this.jdbc.sql("""
				SELECT i.assessment_id, i.kind, i.title, i.proof_deal_id, a.partner_id
				FROM readiness_item i JOIN readiness_assessment a ON a.id = i.assessment_id
				WHERE i.assessment_id IN (%s) ORDER BY i.assessment_id, i.position
				""".formatted(ACCEPTED_LAST)).param("end", Timestamp.from(end)).query((r, n) -> {
			var deal = (Long) r.getObject(4);
			var item = new AssessmentView.Item(r.getString(3), deal,
					deal != null && Long.valueOf(r.getLong(5)).equals(wonBy.get(deal)));
			return items.computeIfAbsent(r.getLong(1), a -> new ArrayList<>())
				.add(new Object[] { r.getString(2), item });
		}).list();
		return this.jdbc.sql(VERSION + " WHERE a.id IN (" + ACCEPTED_LAST + ") ORDER BY a.partner_id")
			.param("end", Timestamp.from(end))
			.query((rs, n) -> view(rs, items.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	/** Each partner's average material rating given before {@code end}. */
	Map<Long, Double> averageRatings(Instant end) {
		var result = new HashMap<Long, Double>();
		this.jdbc.sql("""
				SELECT partner_id, avg(rating) FROM readiness_material
				WHERE uploaded_at < :end AND rated_at < :end GROUP BY partner_id
				""")
			.param("end", Timestamp.from(end))
			.query((rs, n) -> result.put(rs.getLong(1), rs.getDouble(2)))
			.list();
		return result;
	}

	private AssessmentView version(ResultSet rs, Set<Long> won) throws SQLException {
		var items = new ArrayList<Object[]>();
		this.jdbc
			.sql("SELECT kind, title, proof_deal_id FROM readiness_item WHERE assessment_id = :a ORDER BY position")
			.param("a", rs.getLong(1))
			.query((r, n) -> {
				var deal = (Long) r.getObject(3);
				return items.add(new Object[] { r.getString(1),
						new AssessmentView.Item(r.getString(2), deal, deal != null && won.contains(deal)) });
			})
			.list();
		return view(rs, items);
	}

	/** A version from its row and its items (kind, item). */
	private static AssessmentView view(ResultSet rs, List<Object[]> items) throws SQLException {
		long id = rs.getLong(1);
		var useCases = new ArrayList<AssessmentView.Item>();
		var specialisations = new ArrayList<AssessmentView.Item>();
		for (var item : items) {
			("USE_CASE".equals(item[0]) ? useCases : specialisations).add((AssessmentView.Item) item[1]);
		}
		return new AssessmentView(id, rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), useCases,
				rs.getInt(6), rs.getInt(7), specialisations, rs.getInt(8), rs.getString(9),
				rs.getTimestamp(10).toInstant(), rs.getString(11),
				rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13),
				rs.getString(14));
	}

}
