package com.trellis.forecast;

import java.time.Duration;

import com.trellis.identity.Role;
import com.trellis.partners.Tier;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import com.trellis.tiers.OverrideCommand;
import com.trellis.tiers.PartnerTiers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@TrellisTest
class ForecastTierAsOfTests {

	@Autowired
	Forecasts forecasts;

	@Autowired
	PartnerTiers tiers;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	ForecastRepository repository;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPartnerDealIsForecastInTheGroupOfTheTierItsPartnerHadWhenTheDealWasCreated() {
		var world = this.fixtures.world("As Of Partner");
		var admin = this.fixtures.user(Role.ADMIN);
		this.clock.advance(Duration.ofDays(3));
		this.tiers.override(admin, world.partnerId(), new OverrideCommand(Tier.TIER_1_INVEST, "Promoted for a launch",
				this.clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(30)));
		long later = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "5000.00");

		assertThat(this.forecasts.of(admin, world.dealId()).group())
			.as("created while the partner was Tier 2, before the override")
			.isEqualTo("PARTNER:TIER_2_EMERGING");
		assertThat(this.forecasts.of(admin, later).group()).isEqualTo("PARTNER:TIER_1_INVEST");
		var groups = this.jdbc.sql("""
				SELECT o.id, %s FROM opportunity o LEFT JOIN partner p ON p.id = o.partner_id WHERE o.id IN (:ids)
				ORDER BY o.id
				""".formatted(ForecastRepository.GROUP))
			.param("ids", java.util.List.of(world.dealId(), later))
			.param("zone", "UTC")
			.query((rs, n) -> rs.getString(2))
			.list();
		assertThat(groups).as("the SQL roll-ups group the same way")
			.containsExactly("PARTNER:TIER_2_EMERGING", "PARTNER:TIER_1_INVEST");
	}

}
