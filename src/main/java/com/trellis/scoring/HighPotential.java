package com.trellis.scoring;

import java.math.BigDecimal;

import com.trellis.shared.ReportingCurrency;
import com.trellis.shared.StoredFigures;

/**
 * "Not yet" rather than "not ever": a partner with little or no pipeline yet whose
 * readiness and behaviour both rank high. Little pipeline: its partner-involved pipeline
 * created in the last 180 days is at or below the program's median (zero included).
 * Ranking high: readiness and behaviour both in the program's top quarter
 * ({@value #TOP_RANK} or more of the known scores at or below it).
 */
final class HighPotential {

	static final double TOP_RANK = 0.75;

	/** The decision with its reason. */
	record Decision(boolean highPotential, String reason) {
	}

	private HighPotential() {
	}

	/** Pipeline is in the reporting currency; a reason shows it as money, grouped. */
	private static String money(BigDecimal amount) {
		return StoredFigures.money(amount, ReportingCurrency.CODE);
	}

	/**
	 * @param readinessRank share of known readiness scores at or below the partner's
	 * (null: unknown)
	 * @param behaviourRank the same for behaviour
	 * @param pipeline its partner-involved pipeline created in the last 180 days
	 * @param medianPipeline the program's median of the same
	 */
	static Decision decide(Double readinessRank, Double behaviourRank, BigDecimal pipeline, BigDecimal medianPipeline) {
		if (readinessRank == null || behaviourRank == null) {
			return new Decision(false, "readiness or behaviour unknown");
		}
		var ranks = "readiness at percentile " + StoredFigures.number(100 * readinessRank, 0)
				+ " and behaviour at percentile " + StoredFigures.number(100 * behaviourRank, 0) + " of the program";
		if (pipeline.compareTo(medianPipeline) > 0) {
			return new Decision(false, "already has pipeline: " + money(pipeline)
					+ " in the last 180 days, above the program's median " + money(medianPipeline));
		}
		if (readinessRank < TOP_RANK || behaviourRank < TOP_RANK) {
			return new Decision(false, "not in the top quarter on both: " + ranks);
		}
		return new Decision(true,
				(pipeline.signum() == 0 ? "no partner-involved pipeline in the last 180 days" : "little pipeline ("
						+ money(pipeline) + " in the last 180 days, median " + money(medianPipeline) + ")") + ", yet "
						+ ranks);
	}

}
