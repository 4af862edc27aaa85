package com.trellis.adoption;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.trellis.shared.Reporting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The partners who could help on a deal without one (the pipeline review): active, tier 1
 * or 2, working in the account's industry, ranked by deals won in that industry, then by
 * name. The wins are kept per industry and partner ({@code partner_industry_win}, V118,
 * by triggers on the deals and accounts).
 *
 * <p>
 * Every industry of a review is answered by one statement ({@link #byIndustry}); it ran
 * once per industry (about ten a review on the large data), and each joined the
 * industry's tied partners to all ~12,000 capable partners by a hash (1,400 buffers an
 * industry). Each partner of the ranking is now looked up by its key.
 */
@Repository
class CouldHelp {

	/** Read-only reporting: the read replica when one is configured. */
	private final JdbcClient jdbc;

	CouldHelp(@Reporting JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The best {@code limit} capable partners of each industry (null industries are left
	 * out): those with wins read down the industry's ranking, then every capable partner
	 * with as many wins as the last of them (the name decides among equals), and, when
	 * fewer than {@code limit} have wins, the capable partners without wins in name
	 * order.
	 * @return per industry (every non-null industry asked, possibly with an empty list)
	 * the partners as maps of {@code partnerId}, {@code name} and {@code wins}, best
	 * first
	 */
	Map<String, List<Map<String, Object>>> byIndustry(Collection<String> industries, int limit) {
		var asked = new TreeSet<String>();
		industries.stream().filter(java.util.Objects::nonNull).forEach(asked::add);
		var found = new LinkedHashMap<String, List<Map<String, Object>>>();
		asked.forEach(industry -> found.put(industry, new java.util.ArrayList<>()));
		if (asked.isEmpty()) {
			return found;
		}
		// OFFSET 0 keeps each partner a look-up by key (a flattened join hashed every
		// capable partner once per industry)
		this.jdbc
			.sql("""
					SELECT i.industry, c.id, c.name, c.wins
					FROM unnest(CAST(:industries AS TEXT[])) AS i(industry)
					CROSS JOIN LATERAL (
					  SELECT min(t.wins) AS wins, count(*) AS found FROM (
					    SELECT w.wins FROM partner_industry_win w
					    CROSS JOIN LATERAL (SELECT 1 FROM partner p WHERE p.id = w.partner_id AND p.lifecycle_status = 'ACTIVE'
					      AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING') AND i.industry = ANY (p.verticals) OFFSET 0) capable
					    WHERE w.industry = i.industry ORDER BY w.wins DESC LIMIT :limit) t) cut
					CROSS JOIN LATERAL (
					  SELECT id, name, wins FROM (
					    SELECT p.id, p.name, w.wins FROM partner_industry_win w
					    CROSS JOIN LATERAL (SELECT p.id, p.name FROM partner p WHERE p.id = w.partner_id AND p.lifecycle_status = 'ACTIVE'
					      AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING') AND i.industry = ANY (p.verticals) OFFSET 0) p
					    WHERE w.industry = i.industry AND w.wins >= cut.wins
					    UNION ALL
					    (SELECT p.id, p.name, 0 FROM partner p
					     WHERE cut.found < :limit AND p.lifecycle_status = 'ACTIVE'
					       AND p.tier IN ('TIER_1_INVEST', 'TIER_2_EMERGING') AND i.industry = ANY (p.verticals)
					       AND NOT EXISTS (SELECT 1 FROM partner_industry_win w WHERE w.industry = i.industry AND w.partner_id = p.id)
					     ORDER BY p.name LIMIT :limit)) ranked
					  ORDER BY wins DESC, name LIMIT :limit) c
					ORDER BY i.industry, c.wins DESC, c.name
					""")
			.param("industries", asked.toArray(String[]::new))
			.param("limit", limit)
			.query((rs, n) -> found.get(rs.getString(1))
				.add(Map.<String, Object>of("partnerId", rs.getLong(2), "name", rs.getString(3), "wins",
						rs.getLong(4))))
			.list();
		return found;
	}

	/** One industry's ({@link #byIndustry}); none for a null industry. */
	List<Map<String, Object>> of(String industry, int limit) {
		return industry == null ? List.of() : byIndustry(List.of(industry), limit).get(industry);
	}

}
