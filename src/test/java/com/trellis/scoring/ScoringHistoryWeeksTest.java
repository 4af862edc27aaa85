package com.trellis.scoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first run's back-fill length ({@code trellis.scoring.history-weeks}, 0 for a
 * benchmark that scores only the current week) is refused at start-up outside 0 to 52
 * weeks, naming the setting.
 */
class ScoringHistoryWeeksTest {

	@Test
	void aBackFillOutsideNoneToAYearIsRefusedNamingTheSetting() {
		for (int weeks : new int[] { -1, 53 }) {
			assertThatThrownBy(() -> scores(weeks)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("trellis.scoring.history-weeks")
				.hasMessageContaining(String.valueOf(weeks));
		}
		for (int weeks : new int[] { 0, PartnerScores.HISTORY_WEEKS, 52 }) {
			assertThatCode(() -> scores(weeks)).doesNotThrowAnyException();
		}
	}

	private static PartnerScores scores(int weeks) {
		return new PartnerScores(null, null, null, null, null, null, null, null, weeks);
	}

}
