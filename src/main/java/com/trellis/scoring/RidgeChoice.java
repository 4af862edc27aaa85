package com.trellis.scoring;

/**
 * Chooses the ridge penalty of a logistic regression by time-ordered validation: each
 * candidate is fitted on the rows of the earlier training cut-offs and scored by its mean
 * log-loss on the rows of the latest third of the cut-offs (at least one), which it has
 * not seen; the lowest loss wins, ties to the larger penalty. With fewer than
 * {@value #MINIMUM_CUTOFFS} cut-offs there is nothing to hold out and the default penalty
 * is kept.
 */
final class RidgeChoice {

	static final int MINIMUM_CUTOFFS = 3;

	private RidgeChoice() {
	}

	/**
	 * @param period each row's training cut-off, 0 the earliest
	 * @param periods how many cut-offs the rows come from
	 */
	static double choose(double[][] x, int[] y, int[] period, int periods, double[] candidates) {
		if (periods < MINIMUM_CUTOFFS) {
			return LogisticModel.RIDGE;
		}
		int firstHeldOut = periods - Math.max(1, periods / 3);
		int fitted = 0;
		for (int p : period) {
			fitted += (p < firstHeldOut) ? 1 : 0;
		}
		double[][] fitX = new double[fitted][];
		int[] fitY = new int[fitted];
		double[][] heldX = new double[x.length - fitted][];
		int[] heldY = new int[x.length - fitted];
		for (int i = 0, f = 0, h = 0; i < x.length; i++) {
			if (period[i] < firstHeldOut) {
				fitX[f] = x[i];
				fitY[f++] = y[i];
			}
			else {
				heldX[h] = x[i];
				heldY[h++] = y[i];
			}
		}
		double best = LogisticModel.RIDGE;
		double bestLoss = Double.POSITIVE_INFINITY;
		for (double ridge : candidates) {
			var model = LogisticModel.fit(fitX, fitY, ridge);
			double loss = logLoss(model, heldX, heldY);
			if (loss <= bestLoss) {
				best = ridge;
				bestLoss = loss;
			}
		}
		return best;
	}

	static double logLoss(LogisticModel model, double[][] x, int[] y) {
		double sum = 0;
		for (int i = 0; i < x.length; i++) {
			double p = Math.min(1 - 1e-12, Math.max(1e-12, LogisticModel.sigmoid(model.logOdds(x[i]))));
			sum -= (y[i] == 1) ? Math.log(p) : Math.log(1 - p);
		}
		return x.length == 0 ? 0 : sum / x.length;
	}

}
