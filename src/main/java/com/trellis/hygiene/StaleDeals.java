package com.trellis.hygiene;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * STALE_DEALS as SQL: the open deals longer in their stage than the stage's norm (entered
 * on or before now less the norm's days and one more day), in page order (since when,
 * then id), each with its days in the stage and the norm as the problem.
 * <p>
 * A page of a book or a team reads only what it shows: per open stage, the first
 * {@code :offset + :limit} stale deals in scope in page order from
 * {@code opportunity_hygiene_stage_idx} (stage, then since when, with the partner and
 * owner), then the first of those across the stages; the same records in the same order
 * as the whole list cut (any record of the page is among the first
 * {@code :offset + :limit} of its own stage). It read and sorted every stale deal of the
 * scope before (153 ms a page for a PAM's book on the large data). The program's page is
 * the whole list cut, read in page order from the open deals' index. The whole list
 * (downloads) and the count read every stale deal in scope.
 */
final class StaleDeals {

	/** The problem text of a stale deal {@code o} under its stage's {@code norm}. */
	private static final String PROBLEM = """
			floor(extract(epoch FROM (CAST(:now AS TIMESTAMPTZ) - o.stage_entered_at)) / 86400) || ' days in '
			|| norm.name || ', norm ' || norm.days || ' days'""";

	private static final String NORMS = """
			unnest(CAST(:stages AS TEXT[]), CAST(:days AS INT[]), CAST(:names AS TEXT[])) AS norm(stage, days, name)""";

	private static final String STALE = "o.stage_entered_at <= CAST(:now AS TIMESTAMPTZ) - make_interval(days => norm.days + 1)";

	private StaleDeals() {
	}

	/**
	 * The check's records, page and count over the deals for the scope condition
	 * {@code deals} on the deal {@code o}; {@code :now} is bound as {@code now}.
	 * {@code program}: the scope is the whole program, whose page reads the open deals in
	 * page order ({@code opportunity_open_stage_entered_idx}) up to the page's last.
	 */
	static HygieneRepository.Query query(boolean program, String deals, Instant now, HygieneRepository.Norms norms) {
		var open = "o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')";
		var all = """
				SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, %1$s AS problem,
				       u.display_name AS owner, '/opportunities/' || o.id AS link
				FROM opportunity o JOIN app_user u ON u.id = o.owner_id
				JOIN %2$s ON norm.stage = o.stage
				WHERE %3$s AND %4$s AND %5$s
				ORDER BY o.stage_entered_at, o.id
				""".formatted(PROBLEM, NORMS, open, deals, STALE);
		// the owner is joined before the cut: a deal without one is no record (as above)
		var page = program ? all + "LIMIT :limit OFFSET :offset" : """
				SELECT 'opportunity' AS record_type, o.id AS record_id, o.name, %1$s AS problem,
				       o.owner, '/opportunities/' || o.id AS link
				FROM %2$s
				CROSS JOIN LATERAL (
				    SELECT o.id, o.name, o.stage_entered_at, u.display_name AS owner
				    FROM opportunity o JOIN app_user u ON u.id = o.owner_id
				    WHERE o.stage = norm.stage AND %3$s AND %4$s AND %5$s
				    ORDER BY o.stage_entered_at, o.id
				    LIMIT CAST(:limit AS BIGINT) + CAST(:offset AS BIGINT)) o
				ORDER BY o.stage_entered_at, o.id
				LIMIT :limit OFFSET :offset
				""".formatted(PROBLEM, NORMS, open, deals, STALE);
		// a book's or a team's open deals read by their partners' or owners' keys, each
		// joined to its stage's norm: 1.7-2.4 ms for the largest book of the large data,
		// against 9-12 ms reading every stale deal of each stage and keeping the book's
		// (the program is counted from the kept days, KeptCounts)
		var count = """
				SELECT count(*) FROM opportunity o JOIN %1$s ON norm.stage = o.stage
				WHERE %2$s AND %3$s AND %4$s
				""".formatted(NORMS, open, deals, STALE);
		return new HygieneRepository.Query(all, Map.of("now", Timestamp.from(now), "stages", norms.stages(), "days",
				norms.days(), "names", norms.names()), count, page);
	}

}
