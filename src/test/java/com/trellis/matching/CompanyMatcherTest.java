package com.trellis.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyMatcherTest {

	@ParameterizedTest(name = "{0} / {1} / {2} vs {3} / {4} / {5} → {6}")
	@CsvSource(nullValues = "null", value = {
			// same registrable domain, whatever the names
			"Acme Corp., acme.co.uk, null, Totally Different, shop.acme.co.uk, null, DOMAIN",
			"Acme, https://www.acme.com, null, ACME Inc, acme.com, null, DOMAIN",
			// names that differ only by case, punctuation, accents and legal suffixes
			"Acme Corp., null, null, ACME Corporation, null, null, NAME",
			"Société Générale S.A., null, null, Societe Generale, null, null, NAME",
			"Müller GmbH, null, null, Muller, null, null, NAME",
			"Northwind Traders Ltd, other.com, null, northwind traders, n.com, null, NAME",
			// spelling variants of every word
			"Northwnd Traders, null, null, Northwind Traders, null, null, NAME",
			"Contoso Pharmaceuticals, null, null, Contosso Pharmaceuticals, null, null, NAME",
			// one slip anywhere in a long word, also where Jaro-Winkler alone rates it
			// low
			"Dsufgnoxrp Robotics, null, null, Fsufgnoxrp Robotics, null, null, NAME",
			"Njcfwkzrkj Robotics, null, null, Wjcfwkzrkj Robotics, null, null, NAME",
			"Globex, null, null, Glboex, null, null, NAME",
			"Umbrella Health, null, null, Umbrela Health, null, null, NAME",
			// one slip in a five-letter word, also one that makes it a four-letter word
			// or
			// a four-letter word a five-letter one (the conflict check holds these for a
			// person; BestMatch only offers them as possible)
			"Northgate Watr District, null, null, Northgate Water District, null, null, NAME",
			"Northgate Water District, null, null, Northgate Watr District, null, null, NAME",
			"Watr, null, null, Water, null, null, NAME", "Acme Labs, null, null, Acme Labsx, null, null, NAME",
			"Acme Water, null, null, Acme Wtaer, null, null, NAME",
			"Acme Water, null, null, Acme Wazer, null, null, NAME",
			"First Data, null, null, Fist Data, null, null, NAME", "Apple, null, null, Ample, null, null, NAME",
			// near misses that must not match automatically
			"Acme, null, null, Acne, null, null, null",
			"Northwind Traders, null, null, Northwind Travel, null, null, null",
			"Globex, null, null, Globex Systems, null, null, POSSIBLE",
			"Acme Bank, null, null, Acme Park, null, null, null", "Data, null, null, Date, null, null, null",
			"Acme Labs, null, null, Acme Lab, null, null, null", "Watr, null, null, Wader, null, null, null",
			"Water, null, null, Wtr, null, null, null", "Initech 2, null, null, Initech 3, null, null, null",
			"Acme, acme.co.uk, null, Acme Group, acme.com, null, POSSIBLE",
			"Blue River, bluer.com, null, Blue Rivers Health, null, null, null",
			"Dsufgnoxrp Robotics, null, null, Fsufgnoxrq Robotics, null, null, null",
			// issue 14: a free-mail domain never identifies a company
			"Acme Plumbing, gmail.com, null, Globex Dental, gmail.com, null, null",
			"Acme Plumbing, mail.yahoo.co.uk, null, Zenith Bakery, yahoo.co.uk, null, null",
			"Huber Elektro, t-online.de, null, Maier Bau, t-online.de, null, null",
			// issue 14: transliteration before comparing
			"Müller Maschinenbau GmbH, null, null, Mueller Maschinenbau GmbH, null, null, NAME",
			"Großmann Logistik, null, null, Grossmann Logistik, null, null, NAME",
			"Łódź Logistics, null, null, Lodz Logistics, null, null, NAME",
			"Ærø Shipping, null, null, Aero Shipping, null, null, NAME",
			"Øresund Energi A/S, null, null, Oresund Energi, null, null, NAME",
			"Газпром, null, null, Gazprom, null, null, NAME",
			// issue 14: countries that disagree are never an automatic match
			"Acme, acme.com, DE, Acme, acme.com, AT, POSSIBLE",
			"Globex Systems, null, US, Globex Systems, null, CA, POSSIBLE",
			"Globex Systems, null, US, Globex Systems, null, us, NAME",
			// a spelling variant is one company whatever the web domains say
			"Contoso Pharma, contoso.com, null, Contosso Pharma, contosso.com, null, NAME" })
	void matchesTheSameCompanyAndNothingElse(String nameA, String domainA, String countryA, String nameB,
			String domainB, String countryB, String expected) {
		var match = CompanyMatcher.compare(Company.of(nameA, domainA, countryA), Company.of(nameB, domainB, countryB));
		var verdict = match.map(m -> m.automatic() ? m.kind().name() : "POSSIBLE").orElse(null);
		assertThat(verdict).isEqualTo(expected);
		match.ifPresent(m -> assertThat(m.reason()).isNotBlank());
	}

	/**
	 * low31: the similarity in a match's reason was written with {@code %.2f}, in the
	 * JVM's default notation ("0,93" on a German JVM inside an English sentence).
	 */
	@org.junit.jupiter.api.Test
	void theSimilarityInAReasonIsWrittenWithAPointWhateverTheJvmDefault() {
		var before = java.util.Locale.getDefault();
		try {
			java.util.Locale.setDefault(java.util.Locale.GERMANY);
			var close = CompanyMatcher
				.compare(Company.of("Northwnd Traders", null, null), Company.of("Northwind Traders", null, null))
				.orElseThrow();
			assertThat(close.reason()).matches(".*\\, 0\\.\\d\\d\\)$");
		}
		finally {
			java.util.Locale.setDefault(before);
		}
	}

}
