package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PointsMoveTests {

	@Test
	void aSignalThatBecameUnknownMovedTheScoreByMinusItsPreviousPointsAndSaysSo() {
		var move = PointsMove.of(true, null, new BigDecimal("10.0"));
		assertThat(move.change()).isEqualByComparingTo("-10.0");
		assertThat(StoredFigures.render(move.note(), Locale.US)).contains("Not counted this week", "10.0");
	}

	@Test
	void aSignalCountedAgainMovedTheScoreByItsNewPoints() {
		var move = PointsMove.of(true, new BigDecimal("7.5"), null);
		assertThat(move.change()).isEqualByComparingTo("7.5");
		assertThat(StoredFigures.render(move.note(), Locale.US)).contains("Counted again");
	}

	@Test
	void aSignalUnknownInBothWeeksMovedNothing() {
		assertThat(PointsMove.of(true, null, null).change()).isEqualByComparingTo("0");
	}

	@Test
	void aKnownSignalMovedByTheDifferenceWithoutANote() {
		var move = PointsMove.of(false, new BigDecimal("12.0"), new BigDecimal("9.5"));
		assertThat(move.change()).isEqualByComparingTo("2.5");
		assertThat(StoredFigures.render(move.note(), Locale.US)).isNull();
	}

	@Test
	void withoutAScoreChangeAnUncountedSignalHasNoMove() {
		assertThat(PointsMove.of(false, null, new BigDecimal("3.0")).change()).isNull();
	}

}
