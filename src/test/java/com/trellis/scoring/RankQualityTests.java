package com.trellis.scoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankQualityTests {

	@Test
	void aRankingThatPutsEveryPositiveFirstHasAnAucOfOneAndTheReverseZero() {
		var positive = new boolean[] { true, true, false, false, false };
		assertThat(RankQuality.auc(new double[] { 9, 8, 3, 2, 1 }, positive)).isEqualTo(1.0);
		assertThat(RankQuality.auc(new double[] { 1, 2, 3, 8, 9 }, positive)).isEqualTo(0.0);
	}

	@Test
	void aucCountsEachPairAndTiesAsHalf() {
		// pairs (positive, negative): (5,4) yes, (5,5) half, (2,4) no, (2,5) no → 1.5 of
		// 4
		var auc = RankQuality.auc(new double[] { 5, 2, 4, 5 }, new boolean[] { true, true, false, false });
		assertThat(auc).isCloseTo(0.375, within(1e-12));
		assertThat(RankQuality.auc(new double[] { 1, 1, 1, 1 }, new boolean[] { true, false, true, false }))
			.isEqualTo(0.5);
	}

	@Test
	void aucIsUndefinedWithoutBothOutcomes() {
		assertThat(RankQuality.auc(new double[] { 1, 2 }, new boolean[] { true, true })).isNaN();
	}

	@Test
	void precisionAtTheTopTenPercentCountsTiesAtTheEdgeInProportion() {
		double[] scores = new double[20];
		boolean[] positive = new boolean[20];
		scores[0] = 10;
		positive[0] = true;
		scores[1] = 5;
		scores[2] = 5;
		positive[2] = true;
		// top 2 of 20: the 10 (positive) and one of the two 5s (one of them positive) →
		// 1.5 / 2
		assertThat(RankQuality.precisionAtTop(scores, positive, 0.10)).isCloseTo(0.75, within(1e-12));
		scores[2] = 6;
		assertThat(RankQuality.precisionAtTop(scores, positive, 0.10)).isEqualTo(1.0);
	}

}
