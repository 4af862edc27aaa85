package com.trellis.deals;

import com.trellis.support.Fixtures;
import com.trellis.support.ManyIds;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals and partners are read by any number of ids: a statement with one parameter per id
 * fails past the 65,535 parameters PostgreSQL's protocol allows (the weekly digest of a
 * 40,000-partner program did, with its users).
 */
@TrellisTest
class ManyDealIdsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	DealProfiles profiles;

	@Autowired
	PartnerOutcomes outcomes;

	@Autowired
	IndustryRecords industries;

	@Autowired
	DealHistories histories;

	@Autowired
	ImportedDealBatch batch;

	@Test
	void everyReadOfDealsOrPartnersByIdTakesMoreIdsThanAStatementHasParameters() {
		var world = this.fixtures.world("Many Deal Ids");
		var deals = ManyIds.with(world.dealId());
		assertThat(this.profiles.visibleTo(world.partnerUser(), deals)).containsExactly(world.dealId());
		assertThat(this.outcomes.wonDeals(deals)).isEmpty();
		assertThat(this.histories.of(deals).keySet()).isSubsetOf(world.dealId());
		assertThat(this.batch.stages(deals)).containsOnlyKeys(world.dealId());
		assertThat(this.batch.owners(deals)).containsOnlyKeys(world.dealId());
		assertThat(this.batch.lastMoves(deals).keySet()).isSubsetOf(world.dealId());
		var partners = ManyIds.with(world.partnerId());
		var records = this.industries.of(partners, "Software");
		assertThat(records).hasSize(partners.size());
		assertThat(records.get(world.partnerId()).won()).isZero();
	}

}
