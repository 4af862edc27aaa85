package com.trellis.scoring;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The outcome the learned weights predict and the back-test checks: a partner <em>created
 * the pipeline</em> after a cut-off when the partner-involved pipeline it created in the
 * next 180 days is above zero and in the top quarter of the partners scored at that
 * cut-off (at or above the 75th percentile, zeros included). A relative bar, so the
 * outcome means the same in a small program and a large one.
 */
final class PipelineOutcome {

	static final int DAYS = 180;

	static final double TOP_SHARE = 0.25;

	private PipelineOutcome() {
	}

	/** The partners of {@code population} that created the pipeline. */
	static Set<Long> positives(Collection<Long> population, Map<Long, BigDecimal> created) {
		var amounts = population.stream()
			.map(p -> created.getOrDefault(p, BigDecimal.ZERO))
			.sorted((a, b) -> b.compareTo(a))
			.toList();
		var result = new HashSet<Long>();
		if (amounts.isEmpty()) {
			return result;
		}
		int index = (int) Math.ceil(amounts.size() * TOP_SHARE) - 1;
		var bar = amounts.get(Math.max(0, index));
		for (var partner : population) {
			var amount = created.getOrDefault(partner, BigDecimal.ZERO);
			if (amount.signum() > 0 && amount.compareTo(bar) >= 0) {
				result.add(partner);
			}
		}
		return result;
	}

}
