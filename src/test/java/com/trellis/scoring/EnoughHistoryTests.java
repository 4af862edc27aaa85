package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnoughHistoryTests {

	@Test
	void tenOfTheRarerOutcomePerSignalOverTwoCutoffsIsEnough() {
		var verdict = EnoughHistory.decide(2, 400, 50, 5);
		assertThat(verdict.enough()).isTrue();
		assertThat(StoredFigures.render(verdict.reason(), Locale.US))
			.startsWith("learned from 2 past cut-offs, 400 partner-periods, 50 with");
	}

	@Test
	void fewerOfTheRarerOutcomeThanTenPerSignalKeepsTheRubricAndSaysWhy() {
		var verdict = EnoughHistory.decide(6, 400, 49, 5);
		assertThat(verdict.enough()).isFalse();
		assertThat(StoredFigures.render(verdict.reason(), Locale.US)).contains("49 with and 351 without")
			.contains("50 of the rarer outcome needed");
		assertThat(EnoughHistory.decide(6, 400, 351, 5).enough()).isFalse();
	}

	@Test
	void oneCutoffOrFewPartnerPeriodsIsNotEnough() {
		assertThat(StoredFigures.render(EnoughHistory.decide(1, 1000, 300, 2).reason(), Locale.US))
			.contains("2 cut-offs with their 180 days over needed");
		assertThat(StoredFigures.render(EnoughHistory.decide(3, 99, 40, 2).reason(), Locale.US))
			.contains("100 partner-periods needed");
	}

	@Test
	void theOutcomeIsTheTopQuarterOfPipelineCreatedAndNeverZero() {
		var created = Map.of(1L, new BigDecimal("100"), 2L, new BigDecimal("50"), 3L, new BigDecimal("10"), 4L,
				BigDecimal.ZERO, 5L, new BigDecimal("100"));
		assertThat(PipelineOutcome.positives(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), created))
			.containsExactlyInAnyOrder(1L, 5L);
		assertThat(PipelineOutcome.positives(List.of(4L, 6L, 7L, 8L), created)).isEmpty();
	}

	@Test
	void trainingCutoffsAreTwelveHalfMonthsWhoseHundredAndEightyDaysAreOver() {
		assertThat(LearnedWeights.trainingCutoffs(LocalDate.of(2026, 6, 30), LocalDate.of(2024, 1, 1))).containsExactly(
				LocalDate.of(2025, 7, 15), LocalDate.of(2025, 7, 31), LocalDate.of(2025, 8, 15),
				LocalDate.of(2025, 8, 31), LocalDate.of(2025, 9, 15), LocalDate.of(2025, 9, 30),
				LocalDate.of(2025, 10, 15), LocalDate.of(2025, 10, 31), LocalDate.of(2025, 11, 15),
				LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 31));
	}

	@Test
	void cutOffsLessThanSixtyDaysAfterTheFirstRecordAreNotTrainedOn() {
		assertThat(LearnedWeights.trainingCutoffs(LocalDate.of(2026, 6, 30), LocalDate.of(2025, 9, 20)))
			.containsExactly(LocalDate.of(2025, 11, 30), LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 31));
		assertThat(LearnedWeights.trainingCutoffs(LocalDate.of(2026, 6, 30), null)).isEmpty();
	}

	@Test
	void theBackTestRanksAtTheMonthEndsWhoseHundredAndEightyDaysAreOver() {
		assertThat(LearnedWeights.monthEnds(LocalDate.of(2026, 11, 30), 4)).containsExactly(LocalDate.of(2026, 2, 28),
				LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 31));
	}

}
