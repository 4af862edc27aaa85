package com.trellis.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMarketplaceTests {

	@Test
	void northwindAndBluepeakSellThroughTheMarketplaceWhateverTheSeedAndMostPartnersDo() {
		for (long seed = 0; seed <= 200; seed++) {
			for (long seedOf : new long[] { seed, 20261122 }) {
				for (long id = 1; id <= 2; id++) {
					var partner = new PartnerPlan(id, 0, 1);
					partner.q = id == 1 ? 0.82 : 0.66;
					assertThat(
							DemoMarketplace.sellsAtAll(partner, Randoms.of(seedOf, DemoMarketplace.RANDOM_STREAM, id)))
						.as("partner " + id + " with seed " + seedOf)
						.isTrue();
				}
			}
		}
		int selling = 0;
		for (long id = 3; id < 303; id++) {
			var partner = new PartnerPlan(id, 0, 1);
			partner.q = 0.5;
			selling += DemoMarketplace.sellsAtAll(partner, Randoms.of(20261122, DemoMarketplace.RANDOM_STREAM, id)) ? 1
					: 0;
		}
		assertThat(selling).as("of 300 average partners").isBetween(200, 299);
	}

}
