package com.trellis.shared;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTests {

	@Test
	void aCodeWithAMessageReadsAsItsMessageAndOneWithoutReadsAsWords() {
		var messages = new StaticMessageSource();
		messages.addMessage("code.TIER_1_INVEST", java.util.Locale.getDefault(), "Tier 1 (invest)");
		var labels = new Labels(messages);
		assertThat(labels.of("TIER_1_INVEST")).isEqualTo("Tier 1 (invest)");
		assertThat(labels.of("JOINT_WORKING")).isEqualTo("Joint working");
		assertThat(labels.of("PARTNER:TIER_1_INVEST")).isEqualTo("Partner: Tier 1 invest");
		assertThat(labels.of("Northwind")).isEqualTo("Northwind");
		assertThat(labels.of(null)).isEmpty();
	}

}
