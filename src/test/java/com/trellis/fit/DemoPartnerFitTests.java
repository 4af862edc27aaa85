package com.trellis.fit;

import java.util.ArrayList;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's deals give a meaningful partner-fit list: its open deals are fitted by
 * partners with named similar won deals, and the partners ranked first are the demo's
 * stronger ones: the first partner's tier is better on average than that of every partner
 * listed (the tier follows each demo partner's hidden quality, and so do its deals and
 * wins).
 */
@TrellisTest
class DemoPartnerFitTests {

	@Autowired
	PartnerFits fits;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemosOpenDealsAreFittedByItsStrongerPartnersWithNamedSimilarWins() {
		var ae = this.fixtures.user(Role.AE);
		var deals = this.jdbc.sql("""
				SELECT o.id FROM opportunity o JOIN app_user u ON u.id = o.owner_id
				WHERE u.email = 'ae@trellis.demo' AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				ORDER BY o.id LIMIT 40
				""").query(Long.class).list();
		assertThat(deals).hasSizeGreaterThanOrEqualTo(10);
		int withEvidence = 0;
		var leaders = new ArrayList<Long>();
		var listed = new ArrayList<Long>();
		for (long deal : deals) {
			var list = this.fits.forDeal(ae, deal);
			if (!list.partners().isEmpty() && !list.partners().get(0).named().isEmpty()) {
				withEvidence++;
				leaders.add(list.partners().get(0).partnerId());
				list.partners().forEach(p -> listed.add(p.partnerId()));
			}
		}
		assertThat(withEvidence).isGreaterThanOrEqualTo(deals.size() * 8 / 10);
		String tierRank = "CASE tier WHEN 'TIER_1_INVEST' THEN 1 WHEN 'TIER_2_EMERGING' THEN 2 ELSE 3 END";
		double leadersTier = meanTier(leaders);
		double listedTier = meanTier(listed);
		assertThat(leadersTier).as("the leaders' mean tier against every listed partner's").isLessThan(listedTier);
	}

	/**
	 * The mean tier (1 best, 3 baseline) of the partners, each counted as often as
	 * listed.
	 */
	private double meanTier(java.util.List<Long> partners) {
		var tiers = this.jdbc.sql("""
				SELECT id, CASE tier WHEN 'TIER_1_INVEST' THEN 1 WHEN 'TIER_2_EMERGING' THEN 2 ELSE 3 END
				FROM partner WHERE id IN (:ids)
				""").param("ids", partners).query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getInt(2))).list();
		var byId = new java.util.HashMap<Long, Integer>();
		tiers.forEach(t -> byId.put(t.getKey(), t.getValue()));
		double mean = partners.stream().mapToInt(byId::get).average().orElseThrow();
		System.out.println("partner fit on the demo: mean tier " + mean + " of " + partners.size());
		return mean;
	}

}
