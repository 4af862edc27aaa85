package com.trellis.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairedBootstrapTests {

	@Test
	void aRankingThatKnowsTheOutcomeBeatsNoiseWithAnIntervalAboveZero() {
		var difference = PairedBootstrap
			.compare(cutoffs(), List.<String[]>of(new String[] { "knows", "noise" }), 200, 1L)
			.get(0);
		assertThat(difference.aucLow()).isGreaterThan(0.2);
		assertThat(difference.precisionLow()).isGreaterThan(0.2);
	}

	@Test
	void twoEquallyGoodRankingsGetAnIntervalAroundZero() {
		var difference = PairedBootstrap
			.compare(cutoffs(), List.<String[]>of(new String[] { "noise", "otherNoise" }), 200, 1L)
			.get(0);
		assertThat(difference.aucLow()).isNegative();
		assertThat(difference.aucHigh()).isPositive();
	}

	private static List<PairedBootstrap.Cutoff> cutoffs() {
		var random = new SplittableRandom(7);
		var result = new ArrayList<PairedBootstrap.Cutoff>();
		for (int c = 0; c < 3; c++) {
			int n = 300;
			long[] partners = new long[n];
			boolean[] outcome = new boolean[n];
			double[] knows = new double[n];
			double[] noise = new double[n];
			double[] other = new double[n];
			for (int i = 0; i < n; i++) {
				partners[i] = i;
				outcome[i] = random.nextDouble() < 0.25;
				knows[i] = (outcome[i] ? 1 : 0) + 0.3 * random.nextDouble();
				noise[i] = random.nextDouble();
				other[i] = random.nextDouble();
			}
			result.add(new PairedBootstrap.Cutoff(partners, outcome,
					Map.of("knows", knows, "noise", noise, "otherNoise", other)));
		}
		return result;
	}

}
