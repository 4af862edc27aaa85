package com.trellis.search;

import com.trellis.partners.Tier;
import com.trellis.shared.Labels;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tier reads the same wherever it is named: the label search, pickers and lists give
 * its code ({@code code.TIER_1_INVEST} in {@code messages.properties}) equals the one the
 * partner pages show ({@link Tier#label()}). Search said "Tier 1 (invest)" where the
 * partner's page said "Tier 1 · Invest".
 */
class TierWordingTests {

	@Test
	void everyTierReadsAsOnThePartnerPages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		var labels = new Labels(messages);
		for (var tier : Tier.values()) {
			assertThat(labels.of(tier.name())).as(tier.name()).isEqualTo(tier.label());
		}
	}

}
