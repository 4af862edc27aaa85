package com.trellis.credit;

import java.math.BigDecimal;

import com.trellis.deals.CreditType;
import com.trellis.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisputeRuleTests {

	private static final BigDecimal TWENTY = new BigDecimal("20");

	@Test
	void aDirectDealHasNoCreditToDispute() {
		assertThat(DisputeRule.check(null, CreditType.SOURCED, TWENTY, false,
				new RaiseDispute(CreditType.INFLUENCED, BigDecimal.TEN, "why")))
			.containsExactly(new FieldError("opportunityId", DisputeRule.DIRECT));
	}

	@Test
	void theCurrentCreditProposedAgainIsNamedWithTheOpenDispute() {
		assertThat(DisputeRule.check(7L, CreditType.SOURCED, TWENTY, true,
				new RaiseDispute(CreditType.SOURCED, new BigDecimal("20.00"), "why")))
			.containsExactly(new FieldError("opportunityId", DisputeRule.OPEN),
					new FieldError("proposedCreditType", DisputeRule.SAME));
	}

	@Test
	void aProposalWithFieldsLeftEmptyIsJudgedOnlyOnWhatItHas() {
		assertThat(DisputeRule.check(7L, CreditType.SOURCED, TWENTY, false, new RaiseDispute(null, null, null)))
			.isEmpty();
	}

	@Test
	void anotherCreditOnAPartnerDealWithoutAnOpenDisputeMayBeProposed() {
		assertThat(DisputeRule.check(7L, CreditType.SOURCED, TWENTY, false,
				new RaiseDispute(CreditType.SOURCED, new BigDecimal("30"), "why")))
			.isEmpty();
	}

}
