package com.trellis.metrics;

/**
 * The SQL of the enablement completion's records ({@link KpiRecords}): partner users with
 * a track role, those holding every required item of their track at the as-of day first,
 * with the required items each holds, read for the page's rows only. Binds {@code :limit}
 * and {@code :offset} as every records statement does.
 */
final class KpiEnablementRecords {

	private KpiEnablementRecords() {
	}

	/**
	 * The program's enablement records: each group (holding the track or not) walked in
	 * label order from the kept labels ({@code enablement_user_label_order_idx}, V215)
	 * and cut at {@code :limit}, so the page reads about as many users as it shows, not
	 * every partner user; the same rows, order and counts as the slice's statement below.
	 * Whether a user holds the track is a scalar subquery ({@code enablement_held_fact}'s
	 * key), not {@code EXISTS}: tested row by row along the walk, where a semi-join is
	 * planned as a hash of every holder and a sort of every user.
	 */
	private static final String PROGRAM = """
			WITH required AS (SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
			                  WHERE i.required GROUP BY t.role),
			k AS ((SELECT f.user_id AS id, f.job_role, f.label, TRUE AS counted FROM enablement_user_label f
			       WHERE f.job_role = ANY (ARRAY(SELECT r.role FROM required r))
			         AND (SELECT TRUE FROM enablement_held_fact h WHERE h.user_id = f.user_id AND h.role = f.job_role
			                      AND h.held @> CAST(:asOfDate AS DATE)) IS TRUE
			       ORDER BY f.label, f.user_id LIMIT :limit)
			      UNION ALL
			      (SELECT f.user_id, f.job_role, f.label, FALSE FROM enablement_user_label f
			       WHERE f.job_role = ANY (ARRAY(SELECT r.role FROM required r))
			         AND (SELECT TRUE FROM enablement_held_fact h WHERE h.user_id = f.user_id AND h.role = f.job_role
			                      AND h.held @> CAST(:asOfDate AS DATE)) IS NOT TRUE
			       ORDER BY f.label, f.user_id LIMIT :limit)),
			page AS (SELECT * FROM k ORDER BY k.counted DESC, k.label, k.id OFFSET :offset LIMIT :limit - :offset)
			SELECT 'user' AS kind, k.id, 'partner' AS side, k.label,
			       (SELECT count(DISTINCT c.item_id) FROM enablement_completion c
			        JOIN enablement_item i ON i.id = c.item_id JOIN enablement_track t ON t.id = i.track_id
			        WHERE c.user_id = k.id AND t.role = k.job_role AND i.required AND c.completed_on < :asOfDate
			          AND (c.expires_on IS NULL OR c.expires_on >= :asOfDate)) AS value, k.counted
			FROM page k ORDER BY k.counted DESC, k.label, k.id
			""";

	/**
	 * Partner users of the slice with a track role, those holding every required item of
	 * their track at the as-of day first ({@code enablement_held_fact}, V101: the days a
	 * user held them), each group by label then id; the required items each holds counted
	 * for the page's rows only.
	 */
	static String sql(Slice slice) {
		if (KpiSql.program(slice)) {
			return PROGRAM;
		}
		return """
				WITH required AS (SELECT t.role, count(*) AS n FROM enablement_item i JOIN enablement_track t ON t.id = i.track_id
				                  WHERE i.required GROUP BY t.role),
				k AS (SELECT u.id, u.job_role, u.display_name || ' (' || p.name || ', ' || u.job_role || ')' AS label,
				             EXISTS (SELECT 1 FROM enablement_held_fact h WHERE h.user_id = u.id AND h.role = u.job_role
				                     AND h.held @> CAST(:asOfDate AS DATE)) AS counted
				      FROM app_user u JOIN partner p ON p.id = u.partner_id JOIN required r ON r.role = u.job_role
				      WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL AND %s
				      ORDER BY counted DESC, label, u.id OFFSET :offset LIMIT :limit - :offset)
				SELECT 'user' AS kind, k.id, 'partner' AS side, k.label,
				       (SELECT count(DISTINCT c.item_id) FROM enablement_completion c
				        JOIN enablement_item i ON i.id = c.item_id JOIN enablement_track t ON t.id = i.track_id
				        WHERE c.user_id = k.id AND t.role = k.job_role AND i.required AND c.completed_on < :asOfDate
				          AND (c.expires_on IS NULL OR c.expires_on >= :asOfDate)) AS value, k.counted
				FROM k ORDER BY k.counted DESC, k.label, k.id
				"""
			.formatted(slice.predicate());
	}

}
