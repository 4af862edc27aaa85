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
		assertThat(new Labels(messages).params(params)).isEqualTo("Co-sell share (%): 3 · Fund amount: 75,000.00");
	}

	/**
	 * A program's amounts read as the reader writes numbers (try23: a German admin read a
	 * SPIFF bonus of 1.500 dinars as "Bonus: 1.500", fifteen hundred to them, and a
	 * threshold of a hundred thousand as "100000"): grouped, the decimals as stored; text
	 * that is no plain number stays as it is.
	 */
	@Test
	void programParametersNumbersReadInTheReadersNotation() {
		var params = new java.util.LinkedHashMap<String, Object>();
		// as the program form stores them (text) and as the API does (numbers)
		params.put("bonus", "1.500");
		params.put("firstDeals", 2);
		params.put("note", "Q1-2027");
		params.put("tiers", java.util.List.of(java.util.Map.of("threshold", new java.math.BigDecimal("100000"))));
		try {
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.GERMANY);
			assertThat(new Labels(new StaticMessageSource()).params(params))
				.isEqualTo("Bonus: 1,500 · First deals: 2 · Note: Q1-2027 · Tiers: threshold 100.000");
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.US);
			assertThat(new Labels(new StaticMessageSource()).params(params))
				.isEqualTo("Bonus: 1.500 · First deals: 2 · Note: Q1-2027 · Tiers: threshold 100,000");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aPageNamesAFieldByItsWordsNotItsJavaName() {
		assertThat(InvalidInputException.of("ownerId", "no such user").readable()).isEqualTo("Owner: no such user");
		assertThat(Labels.fieldWords("sliceValue")).isEqualTo("Slice value");
		assertThat(Labels.fieldWords("lines[2].amount")).isEqualTo("Amount");
		assertThat(Labels.fieldWords("partnerTypes[1]")).isEqualTo("Partner types");
		// a field labelled on its form reads as labelled (try12: "Min deals180: must be
		// at most 1000" beside an input labelled "Deals (180 days)")
		assertThat(InvalidInputException.of("minDeals180", "must be at most 1000").readable())
			.isEqualTo("Deals (180 days): must be at most 1000");
		assertThat(Labels.fieldWords("stages[1].minAeInvites365")).isEqualTo("AE invitations (365 days)");
	}

}
