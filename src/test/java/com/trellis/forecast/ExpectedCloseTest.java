package com.trellis.forecast;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedCloseTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Test
	void theRestOfTheCurrentStagePlusTheLaterStagesFromToday() {
		// 10 of 21 days spent: 11 left, then 30 + 21
		var decision = ExpectedClose.of(TODAY, TODAY.minusDays(10), 21, 51, null);
		assertThat(decision.date()).isEqualTo(LocalDate.of(2027, 1, 23));
		assertThat(decision.reason())
			.isEqualTo("11 days left of the stage's 21-day norm plus 51 days of later stages; no close date set");
	}

	@Test
	void aDealPastItsNormHasNoDaysLeftInTheStage() {
		var decision = ExpectedClose.of(TODAY, TODAY.minusDays(40), 21, 0, null);
		assertThat(decision.date()).isEqualTo(TODAY);
	}

	@Test
	void theRepsCloseDateIsKeptOnlyWhenItIsLater() {
		var later = ExpectedClose.of(TODAY, TODAY, 7, 0, LocalDate.of(2027, 3, 31));
		assertThat(later.date()).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(later.reason()).isEqualTo("the rep's close date, later than the 2026-11-29 the norms give");

		var earlier = ExpectedClose.of(TODAY, TODAY, 7, 0, LocalDate.of(2026, 11, 25));
		assertThat(earlier.date()).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(earlier.reason()).endsWith("the rep's close date 2026-11-25 is earlier than that");
	}

	@Test
	void aSlippedCloseDateIsIgnored() {
		var decision = ExpectedClose.of(TODAY, TODAY.minusDays(3), 7, 14, LocalDate.of(2026, 10, 31));
		assertThat(decision.date()).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(decision.reason()).endsWith("the rep's close date 2026-10-31 has passed");
	}

	@Test
	void oneDayReadsAsOneDay() {
		var decision = ExpectedClose.of(TODAY, TODAY.minusDays(20), 21, 1, null);
		assertThat(decision.reason())
			.isEqualTo("1 day left of the stage's 21-day norm plus 1 day of later stages; no close date set");
	}

}
