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
 * stronger ones (the tier follows each demo partner's hidden quality, and so do its deals
 * and wins).
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
		for (long deal : deals) {
			var list = this.fits.forDeal(ae, deal);
			if (!list.partners().isEmpty() && !list.partners().get(0).named().isEmpty()) {
				withEvidence++;
				leaders.add(list.partners().get(0).partnerId());
			}
		}
		assertThat(withEvidence).isGreaterThanOrEqualTo(deals.size() * 8 / 10);
		String tierRank = "CASE tier WHEN 'TIER_1_INVEST' THEN 1 WHEN 'TIER_2_EMERGING' THEN 2 ELSE 3 END";
		double leadersTier = this.jdbc.sql("SELECT avg(" + tierRank + ") FROM partner WHERE id IN (:ids)")
			.param("ids", leaders)
			.query(Double.class)
			.single();
		double activeTier = this.jdbc
			.sql("SELECT avg(" + tierRank + ") FROM partner WHERE lifecycle_status = 'ACTIVE' AND id <= 1000")
			.query(Double.class)
			.single();
		assertThat(leadersTier).as("the leaders' mean tier against every active partner's").isLessThan(activeTier);
	}

}
