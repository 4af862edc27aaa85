package com.trellis.incentives;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MdfFundCheckTest {

	@Test
	void aRequestWithinWhatIsFreeInTheFundNeedsNoWarning() {
		assertThat(MdfFundCheck.warning(new BigDecimal("3000.00"), free("3000.00", "0.00", "USD"))).isNull();
	}

	@Test
	void aRequestAboveWhatIsFreeSaysHowMuchCanBeApproved() {
		assertThat(MdfFundCheck.warning(new BigDecimal("5000.00"), free("3000.00", "0.00", "USD"))).isEqualTo(
				"the request of USD 5,000.00 is more than what is free in the partner's MDF fund (USD 3,000.00): at most that can be approved");
	}

	@Test
	void otherApprovalsNotClaimedYetHoldTheirPartOfTheFund() {
		assertThat(MdfFundCheck.warning(new BigDecimal("2500.00"), free("3000.00", "1000.00", "USD")))
			.isEqualTo("the request of USD 2,500.00 is more than what is free in the partner's MDF fund (USD 2,000.00: "
					+ "USD 3,000.00 left, less USD 1,000.00 approved on other requests and not claimed yet): "
					+ "at most that can be approved");
	}

	@Test
	void anEmptyFundSaysNothingCanBeApprovedYet() {
		assertThat(MdfFundCheck.warning(new BigDecimal("10.00"), free("0.00", "0.00", "EUR")))
			.startsWith("the partner's MDF fund has nothing free (EUR 0.00)");
	}

	private static MdfFundBook.Free free(String left, String committed, String currency) {
		return new MdfFundBook.Free(new BigDecimal(left), new BigDecimal(committed), currency);
	}

}
