package com.trellis.scoring;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RidgeChoiceTests {

	private static final double[] RIDGES = { 0.1, 1, 10, 100 };

	@Test
	void featuresThatAreNoiseGetTheStrongestPenalty() {
		var random = new Random(7);
		int n = 600;
		double[][] x = new double[n][];
		int[] y = new int[n];
		int[] period = new int[n];
		for (int i = 0; i < n; i++) {
			x[i] = new double[] { random.nextDouble(), random.nextDouble(), random.nextDouble() };
			y[i] = random.nextDouble() < 0.3 ? 1 : 0;
			period[i] = i / 100;
		}
		assertThat(RidgeChoice.choose(x, y, period, 6, RIDGES)).isEqualTo(100);
	}

	@Test
	void aSignalThatDecidesTheOutcomeKeepsAWeakPenalty() {
		var random = new Random(7);
		int n = 600;
		double[][] x = new double[n][];
		int[] y = new int[n];
		int[] period = new int[n];
		for (int i = 0; i < n; i++) {
			double signal = random.nextDouble();
			x[i] = new double[] { signal, random.nextDouble() };
			y[i] = signal > 0.6 ? 1 : 0;
			period[i] = i / 100;
		}
		assertThat(RidgeChoice.choose(x, y, period, 6, RIDGES)).isEqualTo(0.1);
	}

	@Test
	void tooFewCutOffsToHoldOneOutKeepTheDefaultPenalty() {
		double[][] x = { { 0 }, { 1 }, { 0 }, { 1 } };
		assertThat(RidgeChoice.choose(x, new int[] { 0, 1, 0, 1 }, new int[] { 0, 0, 1, 1 }, 2, RIDGES))
			.isEqualTo(LogisticModel.RIDGE);
	}

}
