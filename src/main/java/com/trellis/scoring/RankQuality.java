package com.trellis.scoring;

import java.util.Arrays;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * How well a ranking of partners picks out those that went on to create the pipeline. ROC
 * AUC is the chance that a partner who did is ranked above one who did not (ties count
 * half), computed from the rank sum (the Mann–Whitney U statistic) with Commons Math's
 * ranking, ties averaged. Precision at the top share is the share of the top-ranked
 * partners who did; partners tied at the edge of the top share count in proportion, as if
 * the ties were ordered at random.
 */
final class RankQuality {

	private RankQuality() {
	}

	/**
	 * ROC AUC of {@code scores} (higher: more likely) against the outcome; NaN if
	 * one-sided.
	 */
	static double auc(double[] scores, boolean[] positive) {
		long positives = 0;
		for (boolean p : positive) {
			positives += p ? 1 : 0;
		}
		long negatives = positive.length - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(scores);
		double rankSum = 0;
		for (int i = 0; i < ranks.length; i++) {
			if (positive[i]) {
				rankSum += ranks[i];
			}
		}
		return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	/** The share of the top {@code share} (by count, rounded up) that are positive. */
	static double precisionAtTop(double[] scores, boolean[] positive, double share) {
		int n = scores.length;
		if (n == 0) {
			return Double.NaN;
		}
		int top = (int) Math.ceil(n * share);
		double[] sorted = scores.clone();
		Arrays.sort(sorted);
		double edge = sorted[n - top];
		int above = 0;
		int abovePositive = 0;
		int tied = 0;
		int tiedPositive = 0;
		for (int i = 0; i < n; i++) {
			if (scores[i] > edge) {
				above++;
				abovePositive += positive[i] ? 1 : 0;
			}
			else if (scores[i] == edge) {
				tied++;
				tiedPositive += positive[i] ? 1 : 0;
			}
		}
		double fromTies = (double) (top - above) * tiedPositive / tied;
		return (abovePositive + fromTies) / top;
	}

}
