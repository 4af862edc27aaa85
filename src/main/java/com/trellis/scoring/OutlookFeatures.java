package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features the learned outlook adds to the eleven signals, each on 0 to 1 and each
 * read from records before the cut-off only: where the partner stands among the partners
 * scored that day by partner-involved pipeline created in the last 180 days, by pipeline
 * to date and by activity events in the last 90 days (percentiles, ties at their middle),
 * and its activity momentum (the events of the last 90 days against the 90 days before,
 * as a log ratio between −2 and +2 mapped onto 0..1; 0.5 is steady).
 */
final class OutlookFeatures {

	/** The features' names, in the order of each row. */
	static final List<String> NAMES = List.of("pipeline created in the last 180 days (percentile)",
			"pipeline to date (percentile)", "activity in the last 90 days (percentile)",
			"activity momentum (last 90 days against the 90 before)");

	/** Days of the recent-pipeline window. */
	static final int PIPELINE_DAYS = 180;

	/** Days of each activity window. */
	static final int ACTIVITY_DAYS = 90;

	private static final double MOMENTUM_CAP = 2;

	/**
	 * What the features are read from, per partner, all before the cut-off.
	 */
	record Inputs(Map<Long, BigDecimal> recentPipeline, Map<Long, BigDecimal> pipelineToDate,
			Map<Long, Long> recentEvents, Map<Long, Long> earlierEvents) {
	}

	private OutlookFeatures() {
	}

	/** The features of each partner of {@code population}. */
	static Map<Long, double[]> of(List<Long> population, Inputs inputs) {
		var recent = percentiles(population, p -> amount(inputs.recentPipeline(), p));
		var toDate = percentiles(population, p -> amount(inputs.pipelineToDate(), p));
		var activity = percentiles(population, p -> inputs.recentEvents().getOrDefault(p, 0L));
		var result = new HashMap<Long, double[]>();
		for (int i = 0; i < population.size(); i++) {
			long partner = population.get(i);
			double momentum = momentum(inputs.recentEvents().getOrDefault(partner, 0L),
					inputs.earlierEvents().getOrDefault(partner, 0L));
			result.put(partner, new double[] { recent[i], toDate[i], activity[i], momentum });
		}
		return result;
	}

	/**
	 * log((recent + 1) / (earlier + 1)), clamped to ±2, on 0..1: 0.5 steady, 1 at least
	 * about seven times as busy, 0 at most a seventh.
	 */
	static double momentum(long recent, long earlier) {
		double ratio = Math.log((recent + 1.0) / (earlier + 1.0));
		return (Math.max(-MOMENTUM_CAP, Math.min(MOMENTUM_CAP, ratio)) + MOMENTUM_CAP) / (2 * MOMENTUM_CAP);
	}

	/**
	 * Each partner's percentile (0..1) among {@code population} by a value: the share of
	 * partners below it plus half the share tied with it.
	 */
	static double[] percentiles(List<Long> population, java.util.function.ToDoubleFunction<Long> value) {
		int n = population.size();
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = value.applyAsDouble(population.get(i));
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double[] result = new double[n];
		for (int i = 0; i < n; i++) {
			int below = lowerBound(sorted, values[i]);
			int tied = lowerBound(sorted, Math.nextUp(values[i])) - below;
			result[i] = (below + tied / 2.0) / n;
		}
		return result;
	}

	private static int lowerBound(double[] sorted, double value) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (sorted[middle] < value) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return low;
	}

	private static double amount(Map<Long, BigDecimal> amounts, long partner) {
		return amounts.getOrDefault(partner, BigDecimal.ZERO).doubleValue();
	}

}
