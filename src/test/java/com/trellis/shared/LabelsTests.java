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
		assertThat(labels.of("USD")).isEqualTo("USD");
		assertThat(labels.of("MDF_REIMBURSEMENT")).as("the field's abbreviations stay in capitals")
			.isEqualTo("MDF reimbursement");
		assertThat(labels.of("PAM_TIME")).isEqualTo("PAM time");
	}

	@Test
	void programParametersReadAsNamedValuesNotAsAMap() {
		var messages = new StaticMessageSource();
		messages.addMessage("param.coSellPercent", java.util.Locale.getDefault(), "Co-sell share (%)");
		var params = new java.util.LinkedHashMap<String, Object>();
		params.put("coSellPercent", 3);
		params.put("fundAmount", "75000.00");
		assertThat(new Labels(messages).params(params)).isEqualTo("Co-sell share (%): 3 · Fund amount: 75000.00");
	}

	@Test
	void aPageNamesAFieldByItsWordsNotItsJavaName() {
		assertThat(InvalidInputException.of("ownerId", "no such user").readable()).isEqualTo("Owner: no such user");
		assertThat(Labels.fieldWords("sliceValue")).isEqualTo("Slice value");
		assertThat(Labels.fieldWords("lines[2].amount")).isEqualTo("Amount");
		assertThat(Labels.fieldWords("partnerTypes[1]")).isEqualTo("Partner types");
	}

}
