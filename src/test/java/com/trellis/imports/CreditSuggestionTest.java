package com.trellis.imports;

import com.trellis.deals.CreditType;
import com.trellis.partners.PartnerType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditSuggestionTest {

	@Test
	void aResellingPartnerSourcedTheDealWhateverTheCaseOfItsRole() {
		assertThat(CreditSuggestion.suggest("VAR/Reseller").type()).isEqualTo(CreditType.SOURCED);
		assertThat(CreditSuggestion.suggest(" distributor ").type()).isEqualTo(CreditType.SOURCED);
		assertThat(CreditSuggestion.suggest("Reseller").reason()).contains("brought the deal");
	}

	@Test
	void aDeliveringPartnerCoSellsTheDeal() {
		assertThat(CreditSuggestion.suggest("System Integrator").type()).isEqualTo(CreditType.CO_SELL);
		assertThat(CreditSuggestion.suggest("Consultant").type()).isEqualTo(CreditType.CO_SELL);
	}

	@Test
	void anyOtherRoleOrNoneOnlyInfluencedTheDeal() {
		assertThat(CreditSuggestion.suggest("Agency").type()).isEqualTo(CreditType.INFLUENCED);
		assertThat(CreditSuggestion.suggest(null).type()).isEqualTo(CreditType.INFLUENCED);
		assertThat(CreditSuggestion.suggest("").reason()).contains("no role");
	}

	@Test
	void theSalesforceAccountTypeNamesThePartnerTypeAndAResellerIsTheDefault() {
		assertThat(ImportWriter.partnerType("Channel Partner / Reseller")).isEqualTo(PartnerType.RESELLER);
		assertThat(ImportWriter.partnerType("Installation Partner")).isEqualTo(PartnerType.SI);
		assertThat(ImportWriter.partnerType("Technology Partner")).isEqualTo(PartnerType.ISV);
		assertThat(ImportWriter.partnerType(null)).isEqualTo(PartnerType.RESELLER);
	}

}
