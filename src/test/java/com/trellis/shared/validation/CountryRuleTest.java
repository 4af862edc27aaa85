package com.trellis.shared.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountryRuleTest {

	@Test
	void assignedTwoLetterCodesPassAndEverythingElseIsRefused() {
		assertThat(CountryRule.problem("DE")).isEmpty();
		assertThat(CountryRule.problem("GB")).isEmpty();
		assertThat(CountryRule.problem(null)).isEmpty();
		for (var refused : new String[] { "UK", "EU", "XX", "de", "DEU", "Germany", "" }) {
			assertThat(CountryRule.problem(refused)).as(refused).hasValueSatisfying(p -> assertThat(p).contains("ISO"));
		}
	}

	@Test
	void aSourceSystemsCountryIsReadAsATwoOrThreeLetterCodeOrAnEnglishName() {
		assertThat(CountryRule.code("Germany")).hasValue("DE");
		assertThat(CountryRule.code(" united kingdom ")).hasValue("GB");
		assertThat(CountryRule.code("us")).hasValue("US");
		assertThat(CountryRule.code("FRA")).hasValue("FR");
		assertThat(CountryRule.code("deu")).hasValue("DE");
		assertThat(CountryRule.code("Atlantis")).isEmpty();
		assertThat(CountryRule.code("")).isEmpty();
	}

}
