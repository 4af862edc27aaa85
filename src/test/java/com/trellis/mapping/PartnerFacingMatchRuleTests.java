package com.trellis.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerFacingMatchRuleTests {

	@Test
	void aPartnerReadsThatItsCompanyIsOursAndNothingOfHowItWasFound() {
		var row = new PartnerAccountView(3, "Ashford Bank", "ashford.com", "GB", "CUSTOMER", "crm-7", 41L, "AUTOMATIC",
				"14 candidates share the web domain ashford.com, so the name decides: \"ashford bank\"");
		var facing = PartnerFacingMatch.of(row);
		assertThat(facing.matchReason()).isEqualTo("this company is one of our accounts too");
		assertThat(facing.accountId()).isNull();
		assertThat(facing.companyName()).isEqualTo("Ashford Bank");
		assertThat(facing.crmId()).isEqualTo("crm-7");
	}

	@Test
	void aPossibleMatchSaysOnlyThatItMayBeOurs() {
		var row = new PartnerAccountView(1, "Ashfort Bank", null, null, "PROSPECT", null, 41L, "POSSIBLE",
				"company names are close (\"ashfort bank\" ~ \"ashford bank\", 0.91); a person decides");
		assertThat(PartnerFacingMatch.of(row).matchReason()).doesNotContain("ashford")
			.contains("may be one of ours".replace("ours", "our accounts"));
		assertThat(PartnerFacingMatch.of(row).accountId()).isNull();
	}

	@Test
	void greenfieldHasNoReason() {
		var row = new PartnerAccountView(2, "Nobody", null, null, "CUSTOMER", null, null, null, null);
		assertThat(PartnerFacingMatch.of(row).matchReason()).isNull();
	}

}
