package com.trellis.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How sure the back-test is that one ranking beats another: a paired bootstrap over
 * partners. Each round draws the partners with replacement (the same draw at every
 * cut-off, so a partner seen at several cut-offs counts as one draw: the cut-offs are not
 * independent), recomputes each ranking's ROC AUC and precision at the top 10 % at every
 * cut-off on the drawn partners, and averages them over the cut-offs. The difference
 * between two rankings is reported with the 2.5th and 97.5th percentiles of its rounds:
 * an interval above zero is a win that is not noise.
 */
final class PairedBootstrap {

	static final int ROUNDS = 1000;

	/** One cut-off: its partners, their outcome and each ranking's scores. */
	record Cutoff(long[] partners, boolean[] outcome, Map<String, double[]> scores) {
	}

	/** The difference a − b of the means over the cut-offs, with its 95 % interval. */
	record Difference(String a, String b, double auc, double aucLow, double aucHigh, double precision,
			double precisionLow, double precisionHigh) {

		String line() {
			return "%-28s − %-26s AUC %+.3f [%+.3f, %+.3f]   prec@10%% %+.3f [%+.3f, %+.3f]".formatted(this.a, this.b,
					this.auc, this.aucLow, this.aucHigh, this.precision, this.precisionLow, this.precisionHigh);
		}

	}

	private PairedBootstrap() {
	}

	/**
	 * Each pair's difference: {@code pairs} holds [a, b] method names present at every
	 * cut-off.
	 */
	static List<Difference> compare(List<Cutoff> cutoffs, List<String[]> pairs, int rounds, long seed) {
		var methods = new LinkedHashMap<String, Integer>();
		for (var pair : pairs) {
			methods.putIfAbsent(pair[0], methods.size());
			methods.putIfAbsent(pair[1], methods.size());
		}
		var ids = new HashMap<Long, Integer>();
		for (var cutoff : cutoffs) {
			for (long partner : cutoff.partners()) {
				ids.putIfAbsent(partner, ids.size());
			}
		}
		double[][] auc = new double[rounds][methods.size()];
		double[][] precision = new double[rounds][methods.size()];
		var random = new SplittableRandom(seed);
		int[] times = new int[ids.size()];
		for (int round = 0; round < rounds; round++) {
			Arrays.fill(times, 0);
			for (int i = 0; i < times.length; i++) {
				times[random.nextInt(times.length)]++;
			}
			for (var method : methods.entrySet()) {
				double aucSum = 0;
				double precisionSum = 0;
				for (var cutoff : cutoffs) {
					var drawn = draw(cutoff, cutoff.scores().get(method.getKey()), ids, times);
					aucSum += RankQuality.auc(drawn.scores, drawn.outcome);
					precisionSum += RankQuality.precisionAtTop(drawn.scores, drawn.outcome, 0.10);
				}
				auc[round][method.getValue()] = aucSum / cutoffs.size();
				precision[round][method.getValue()] = precisionSum / cutoffs.size();
			}
		}
		var result = new ArrayList<Difference>();
		for (var pair : pairs) {
			int a = methods.get(pair[0]);
			int b = methods.get(pair[1]);
			double[] aucDiff = new double[rounds];
			double[] precisionDiff = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				aucDiff[round] = auc[round][a] - auc[round][b];
				precisionDiff[round] = precision[round][a] - precision[round][b];
			}
			double aucPoint = mean(cutoffs, pair[0], true) - mean(cutoffs, pair[1], true);
			double precisionPoint = mean(cutoffs, pair[0], false) - mean(cutoffs, pair[1], false);
			Arrays.sort(aucDiff);
			Arrays.sort(precisionDiff);
			result
				.add(new Difference(pair[0], pair[1], aucPoint, percentile(aucDiff, 0.025), percentile(aucDiff, 0.975),
						precisionPoint, percentile(precisionDiff, 0.025), percentile(precisionDiff, 0.975)));
		}
		return result;
	}

	private record Drawn(double[] scores, boolean[] outcome) {
	}

	private static Drawn draw(Cutoff cutoff, double[] scores, Map<Long, Integer> ids, int[] times) {
		int n = 0;
		for (long partner : cutoff.partners()) {
			n += times[ids.get(partner)];
		}
		double[] drawn = new double[n];
		boolean[] outcome = new boolean[n];
		int k = 0;
		for (int i = 0; i < cutoff.partners().length; i++) {
			for (int t = times[ids.get(cutoff.partners()[i])]; t > 0; t--) {
				drawn[k] = scores[i];
				outcome[k++] = cutoff.outcome()[i];
			}
		}
		return new Drawn(drawn, outcome);
	}

	private static double mean(List<Cutoff> cutoffs, String method, boolean auc) {
		double sum = 0;
		for (var cutoff : cutoffs) {
			double[] scores = cutoff.scores().get(method);
			sum += auc ? RankQuality.auc(scores, cutoff.outcome())
					: RankQuality.precisionAtTop(scores, cutoff.outcome(), 0.10);
		}
		return sum / cutoffs.size();
	}

	private static double percentile(double[] sorted, double p) {
		int index = (int) Math.round(p * (sorted.length - 1));
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
