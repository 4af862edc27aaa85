package com.trellis.deals;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerInvolvementRuleTest {

	@Test
	void acceptsADirectDealWithoutPartner() {
		assertThat(PartnerInvolvementRule.check(command(DealSource.DIRECT, null, null, null))).isEmpty();
	}

	@Test
	void acceptsAPartnerSourcedDealCreditedAsSourced() {
		assertThat(PartnerInvolvementRule.check(command(DealSource.PARTNER, 7L, CreditType.SOURCED, "20"))).isEmpty();
	}

	@Test
	void rejectsPartnerSourcedDealWithoutPartner() {
		assertThat(PartnerInvolvementRule.check(command(DealSource.PARTNER, null, null, null)))
			.extracting(FieldError::field)
			.containsExactly("partnerId");
	}

	@Test
	void rejectsPartnerWithoutCreditTypeOrShare() {
		assertThat(PartnerInvolvementRule.check(command(DealSource.DIRECT, 7L, null, null)))
			.extracting(FieldError::field)
			.containsExactly("creditType", "partnerShare");
	}

	@Test
	void rejectsSourcedCreditOnADirectDeal() {
		assertThat(PartnerInvolvementRule.check(command(DealSource.DIRECT, 7L, CreditType.SOURCED, "10")))
			.extracting(FieldError::field)
			.containsExactly("source");
	}

	@Test
	void rejectsInfluenceCreditOnAPartnerSourcedDeal() {
		assertThat(PartnerInvolvementRule.check(command(DealSource.PARTNER, 7L, CreditType.INFLUENCED, "10")))
			.extracting(FieldError::field)
			.containsExactly("creditType");
	}

	private static OpportunityCommand command(DealSource source, Long partner, CreditType credit, String share) {
		return new OpportunityCommand(1L, "Deal", new BigDecimal("1000.00"), "USD", Stage.QUALIFIED,
				LocalDate.of(2027, 1, 31), null, source, partner, credit, share == null ? null : new BigDecimal(share));
	}

}
