package com.trellis.registration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerMatcherTest {

	@ParameterizedTest(name = "{0} / {1} vs {2} / {3} → {4}")
	@CsvSource(nullValues = "null", value = {
			// same registrable domain, whatever the names
			"Acme Corp., acme.co.uk, Totally Different, shop.acme.co.uk, DOMAIN",
			"Acme, https://www.acme.com, ACME Inc, acme.com, DOMAIN",
			// names that differ only by case, punctuation, accents and legal suffixes
			"Acme Corp., null, ACME Corporation, null, NAME",
			"Société Générale S.A., null, Societe Generale, null, NAME", "Müller GmbH, null, Muller, null, NAME",
			"Northwind Traders Ltd, other.com, northwind traders, n.com, NAME",
			// spelling variants of every word
			"Northwnd Traders, null, Northwind Traders, null, NAME",
			"Contoso Pharmaceuticals, null, Contosso Pharmaceuticals, null, NAME",
			// one slip anywhere in a long word, also where Jaro-Winkler alone rates it
			// low
			"Dsufgnoxrp Robotics, null, Fsufgnoxrp Robotics, null, NAME",
			"Njcfwkzrkj Robotics, null, Wjcfwkzrkj Robotics, null, NAME", "Globex, null, Glboex, null, NAME",
			"Umbrella Health, null, Umbrela Health, null, NAME",
			// near misses that must not match
			"Acme, null, Acne, null, null", "Northwind Traders, null, Northwind Travel, null, null",
			"Globex, null, Globex Systems, null, null", "Acme Bank, null, Acme Park, null, null",
			"First Data, null, Fist Data, null, null", "Initech 2, null, Initech 3, null, null",
			"Acme, acme.co.uk, Acme Group, acme.com, null", "Blue River, bluer.com, Blue Rivers Health, null, null",
			"Dsufgnoxrp Robotics, null, Fsufgnoxrq Robotics, null, null", "Apple, null, Ample, null, null" })
	void matchesTheSameCustomerAndNothingElse(String nameA, String domainA, String nameB, String domainB,
			String expected) {
		var match = CustomerMatcher.match(Customer.of(nameA, domainA), Customer.of(nameB, domainB));
		assertThat(match.map(m -> m.kind().name()).orElse(null)).isEqualTo(expected);
		match.ifPresent(m -> assertThat(m.reason()).isNotBlank());
	}

}
