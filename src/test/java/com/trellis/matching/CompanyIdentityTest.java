package com.trellis.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyIdentityTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(nullValues = "null",
			value = { "acme.co.uk, acme.co.uk", "shop.acme.co.uk, acme.co.uk", "https://www.Acme.com/contact, acme.com",
					"http://eu.shop.acme.com:8080/, acme.com", "WWW.ACME.COM., acme.com",
					"acme.github.io, acme.github.io", "localhost, null", "co.uk, null", "'', null",
					"not a domain, null" })
	void foldsAWebAddressToItsRegistrableDomain(String input, String expected) {
		assertThat(CompanyIdentity.registrableDomain(input)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(nullValues = "null", value = { "'Acme Corp.', acme", "'ACME Corporation', acme", "'Acme, Inc.', acme",
			"'Acme Holdings GmbH', acme holdings", "'Société Générale S.A.', societe generale",
			"'The Acme Company Ltd', acme", "'Müller & Söhne KG', mueller and soehne", "'Łódź Ærø', lodz aero",
			"'Øresund Energi A/S', oresund energi", "McDonald’s, mcdonalds", "'Норильский Никель', norilskij nikel",
			"'Inc.', inc", "'Co-op Energy Ltd', co op energy", "'   ', null" })
	void foldsACompanyName(String input, String expected) {
		assertThat(CompanyIdentity.normalizedName(input)).isEqualTo(expected);
	}

}
