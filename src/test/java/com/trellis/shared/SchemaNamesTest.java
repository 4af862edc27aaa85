package com.trellis.shared;

import java.util.List;

import com.fasterxml.jackson.databind.type.TypeFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The schema names of classes sharing a simple name: the shortest tail of the qualified
 * name no other shares; a name of one class only is left alone.
 */
class SchemaNamesTest {

	@Test
	void classesSharingASimpleNameAreNamedByTheShortestTailTheyAloneHave() {
		var names = SchemaNames.qualified(List.of("com.trellis.credit.CreditApiController$Decision",
				"com.trellis.incentives.IncentiveApiController$Decision", "com.trellis.plays.PlayUse",
				"com.trellis.deals.PlayUse", "com.trellis.a.Holder$Row", "com.trellis.b.Holder$Row",
				"com.trellis.partners.Partner"));

		assertThat(names).containsOnly(
				entry("com.trellis.credit.CreditApiController$Decision", "CreditApiController.Decision"),
				entry("com.trellis.incentives.IncentiveApiController$Decision", "IncentiveApiController.Decision"),
				entry("com.trellis.plays.PlayUse", "plays.PlayUse"),
				entry("com.trellis.deals.PlayUse", "deals.PlayUse"), entry("com.trellis.a.Holder$Row", "a.Holder.Row"),
				entry("com.trellis.b.Holder$Row", "b.Holder.Row"));
	}

	@Test
	void aGenericTypeOfAClassSharingItsSimpleNameIsNamedWithThatClassesOwnName() throws Exception {
		var claim = Class.forName("com.trellis.incentives.MdfFund$Claim");
		var names = new SchemaNames();
		var type = TypeFactory.defaultInstance().constructParametricType(PageResult.class, claim);

		assertThat(names.nameOf(claim)).isEqualTo("MdfFund.Claim");
		assertThat(names.nameOf(type)).isEqualTo("PageResultMdfFundClaim");
		assertThat(names.nameOf(PageResult.class)).isNull();
		assertThat(names.nameOf(TypeFactory.defaultInstance().constructParametricType(PageResult.class, Money.class)))
			.isNull();
	}

}
