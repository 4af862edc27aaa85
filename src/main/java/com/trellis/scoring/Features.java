package com.trellis.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns partners' readings into the features the learned weights use: each signal's value
 * as its learned share on the rubric's ramp (0 to 1, so coefficients compare; a count
 * keeps rising past the rubric's full point, see {@link Ramp#learnedShare}), and small
 * partners shrunk toward their group. A partner with {@code v} records (events and deals)
 * keeps {@code v / (v + }{@value #SHRINK}{@code )} of its own share and takes the rest
 * from the mean share of its group (partners of its type as of the same day); a signal it
 * has no reading for is its group's mean. A group with no reading falls back to every
 * partner's mean, and that to 0.
 */
final class Features {

	/** Records at which a partner's own share and its group's mean weigh the same. */
	static final double SHRINK = 20;

	private Features() {
	}

	/** Each partner's features, in the order of {@code entries}. */
	static Map<Long, double[]> of(Map<Long, PartnerReadings> partners, List<Rubric.Entry> entries) {
		int k = entries.size();
		var sums = new HashMap<String, double[]>();
		var counts = new HashMap<String, int[]>();
		double[] allSum = new double[k];
		int[] allCount = new int[k];
		for (var partner : partners.values()) {
			var sum = sums.computeIfAbsent(partner.group(), g -> new double[k]);
			var count = counts.computeIfAbsent(partner.group(), g -> new int[k]);
			for (int j = 0; j < k; j++) {
				var reading = partner.readings().get(entries.get(j).signal().key());
				if (reading != null && reading.known()) {
					double share = share(entries.get(j), reading);
					sum[j] += share;
					count[j]++;
					allSum[j] += share;
					allCount[j]++;
				}
			}
		}
		var result = new HashMap<Long, double[]>();
		for (var partner : partners.values()) {
			var sum = sums.get(partner.group());
			var count = counts.get(partner.group());
			double own = partner.volume() / (partner.volume() + SHRINK);
			double[] row = new double[k];
			for (int j = 0; j < k; j++) {
				double group = count[j] > 0 ? sum[j] / count[j] : allCount[j] > 0 ? allSum[j] / allCount[j] : 0;
				var reading = partner.readings().get(entries.get(j).signal().key());
				row[j] = reading != null && reading.known() ? own * share(entries.get(j), reading) + (1 - own) * group
						: group;
			}
			result.put(partner.partnerId(), row);
		}
		return result;
	}

	static double share(Rubric.Entry entry, Reading reading) {
		return entry.ramp().learnedShare(reading.value().doubleValue());
	}

}
