package com.trellis.incentives;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MdfFundCheckTest {

	@Test
	void aRequestWithinWhatIsLeftOfTheFundNeedsNoWarning() {
		assertThat(MdfFundCheck.warning(new BigDecimal("3000.00"), new BigDecimal("3000.00"), "USD")).isNull();
	}

	@Test
	void aRequestAboveWhatIsLeftSaysHowMuchCanBeApproved() {
		assertThat(MdfFundCheck.warning(new BigDecimal("5000.00"), new BigDecimal("3000.00"), "USD")).isEqualTo(
				"the request of USD 5,000.00 is more than what is left of the partner's MDF fund (USD 3,000.00): at most that can be approved");
	}

	@Test
	void anEmptyFundSaysNothingCanBeApprovedYet() {
		assertThat(MdfFundCheck.warning(new BigDecimal("10.00"), new BigDecimal("0.00"), "EUR"))
			.startsWith("the partner's MDF fund has nothing left (EUR 0.00)");
	}

}
