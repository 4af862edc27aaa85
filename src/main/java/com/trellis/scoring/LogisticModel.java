package com.trellis.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * A logistic regression of a yes/no outcome on a few features, fitted by iteratively
 * reweighted least squares with a ridge penalty (Newton steps solved with Apache Commons
 * Math). Features are centred on their training means, the <em>baselines</em>, so each
 * feature's contribution to the log-odds is {@code coefficient × (value − baseline)} and
 * the intercept is the log-odds of a partner at every baseline. The penalty keeps
 * coefficients finite when one feature separates the outcome completely and pulls weak
 * ones toward 0.
 *
 * @param intercept log-odds at the baselines
 * @param coefficients change in log-odds per unit of each feature
 * @param baselines each feature's training mean
 * @param spreads each feature's training standard deviation
 */
record LogisticModel(double intercept, double[] coefficients, double[] baselines, double[] spreads) {

	/**
	 * The default ridge penalty on the coefficients (not the intercept), for features on
	 * 0..1; the learned weights choose theirs by validation ({@link RidgeChoice}).
	 */
	static final double RIDGE = 1.0;

	private static final int MAX_STEPS = 100;

	/** Fits the model to rows of features {@code x} and outcomes {@code y} (0 or 1). */
	static LogisticModel fit(double[][] x, int[] y) {
		return fit(x, y, RIDGE);
	}

	/** Fits the model with a given ridge penalty on the coefficients. */
	static LogisticModel fit(double[][] x, int[] y, double ridge) {
		int n = x.length;
		int k = n == 0 ? 0 : x[0].length;
		double[] mean = new double[k];
		double[] spread = new double[k];
		for (var row : x) {
			for (int j = 0; j < k; j++) {
				mean[j] += row[j] / n;
			}
		}
		for (var row : x) {
			for (int j = 0; j < k; j++) {
				spread[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
			}
		}
		for (int j = 0; j < k; j++) {
			spread[j] = Math.sqrt(spread[j]);
		}
		double[] beta = new double[k + 1];
		for (int step = 0; step < MAX_STEPS; step++) {
			var hessian = MatrixUtils.createRealMatrix(k + 1, k + 1);
			double[] gradient = new double[k + 1];
			double[] z = new double[k + 1];
			for (int i = 0; i < n; i++) {
				z[0] = 1;
				for (int j = 0; j < k; j++) {
					z[j + 1] = x[i][j] - mean[j];
				}
				double p = sigmoid(dot(beta, z));
				double w = Math.max(p * (1 - p), 1e-10);
				for (int a = 0; a <= k; a++) {
					gradient[a] += (y[i] - p) * z[a];
					for (int b = 0; b <= k; b++) {
						hessian.addToEntry(a, b, w * z[a] * z[b]);
					}
				}
			}
			for (int j = 1; j <= k; j++) {
				hessian.addToEntry(j, j, ridge);
				gradient[j] -= ridge * beta[j];
			}
			hessian.addToEntry(0, 0, 1e-9);
			var delta = new LUDecomposition(hessian).getSolver().solve(new ArrayRealVector(gradient)).toArray();
			double largest = 0;
			for (int a = 0; a <= k; a++) {
				beta[a] += delta[a];
				largest = Math.max(largest, Math.abs(delta[a]));
			}
			if (largest < 1e-9) {
				break;
			}
		}
		double[] coefficients = new double[k];
		System.arraycopy(beta, 1, coefficients, 0, k);
		return new LogisticModel(beta[0], coefficients, mean, spread);
	}

	/** The log-odds of the outcome for a row of features. */
	double logOdds(double[] features) {
		double sum = this.intercept;
		for (int j = 0; j < this.coefficients.length; j++) {
			sum += contribution(j, features[j]);
		}
		return sum;
	}

	/**
	 * Feature {@code j}'s contribution to the log-odds: coefficient × (value − baseline).
	 */
	double contribution(int j, double value) {
		return this.coefficients[j] * (value - this.baselines[j]);
	}

	/**
	 * The features from the most to the least telling: by the size of the coefficient
	 * times the feature's spread (the log-odds a typical difference between two partners
	 * makes).
	 */
	List<Integer> ranking() {
		var order = new ArrayList<Integer>();
		for (int j = 0; j < this.coefficients.length; j++) {
			order.add(j);
		}
		order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(this.coefficients[j] * this.spreads[j])));
		return order;
	}

	static double sigmoid(double t) {
		return 1 / (1 + Math.exp(-t));
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}
