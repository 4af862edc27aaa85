package com.trellis.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The days an open deal is expected to spend in the stages after its current one, along
 * the path that closed deals like it actually took, not the full configured path. Each
 * later stage counts with its norm weighted by the share of the closed deals of the
 * deal's group that passed the current stage and then went through that later stage: in a
 * history whose deals go from Qualified straight to a close, Joint working and Commit add
 * nothing. The deal's own group is used when it has enough closed history through the
 * stage, else the coarser group (all partner deals), else every later stage of the sales
 * process counts in full, saying which it used.
 */
final class RemainingPath {

	static final int MIN_HISTORY = StageNorms.MIN_HISTORY;

	private RemainingPath() {
	}

	static Decision of(List<LaterStage> later, Visits fine, Visits coarse) {
		if (fine != null && fine.deals() >= MIN_HISTORY) {
			return weighted(later, fine, "closed deals of the same group");
		}
		if (coarse != null && coarse.deals() >= MIN_HISTORY) {
			return weighted(later, coarse, "closed deals of the wider group");
		}
		int days = later.stream().mapToInt(LaterStage::normDays).sum();
		return new Decision(days, later.isEmpty() ? "no later stage"
				: "too little history; every later stage of the sales process in full");
	}

	private static Decision weighted(List<LaterStage> later, Visits visits, String whose) {
		var total = BigDecimal.ZERO;
		var shares = new StringBuilder();
		for (var stage : later) {
			long through = visits.throughLater().getOrDefault(stage.code(), 0L);
			total = total.add(BigDecimal.valueOf(stage.normDays() * through));
			shares.append(shares.length() == 0 ? "" : ", ")
				.append(stage.code())
				.append(" ")
				.append(through)
				.append(" of ")
				.append(visits.deals());
		}
		int days = total.divide(BigDecimal.valueOf(visits.deals()), 0, RoundingMode.HALF_UP).intValueExact();
		return new Decision(days, later.isEmpty() ? "no later stage" : "later stages weighted by how many of "
				+ visits.deals() + " " + whose + " that passed the stage went through them: " + shares);
	}

	/** A stage after the current one and its norm for the deal's group. */
	record LaterStage(String code, int normDays) {
	}

	/**
	 * Closed deals that passed a stage, and how many of them went on through each later
	 * stage.
	 */
	record Visits(long deals, Map<String, Long> throughLater) {
	}

	/** Days expected in the later stages, and what that was learned from. */
	record Decision(int days, String basis) {
	}

}
