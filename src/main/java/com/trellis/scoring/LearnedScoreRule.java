package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.shared.StoredFigures;

/**
 * Composes a score from learned weights. The model's log-odds, intercept plus each
 * signal's {@code coefficient × (share − baseline)}, is mapped onto 0–100 by a straight
 * line from the lowest log-odds any partner could reach (every share at its worst end) to
 * the highest: {@code score = 100 × (L − Lmin) / (Lmax − Lmin)}, where {@code L} is the
 * sum of the contributions. So the score orders partners exactly as their modelled chance
 * of creating the pipeline does, and it splits into <em>base points</em> (the score of a
 * partner at every baseline, {@code 100 × −Lmin / (Lmax − Lmin)}) plus each signal's
 * points ({@code 100 × contribution / (Lmax − Lmin)}, negative below its baseline). All
 * are rounded to tenths that add up to the score exactly.
 */
final class LearnedScoreRule {

	private LearnedScoreRule() {
	}

	/**
	 * The score, or null when the model gives every partner the same log-odds (the caller
	 * then uses the rubric).
	 */
	static Score score(Pillar pillar, List<Rubric.Entry> entries, LogisticModel model, double[] features,
			Map<String, Reading> readings, LocalDate onboardedOn, LocalDate day, String reason) {
		double low = 0;
		double high = 0;
		for (int j = 0; j < entries.size(); j++) {
			double atZero = model.contribution(j, 0);
			double atOne = model.contribution(j, 1);
			low += Math.min(atZero, atOne);
			high += Math.max(atZero, atOne);
		}
		double range = high - low;
		if (range < 1e-9) {
			return null;
		}
		var unknown = ScoreRule.tooNew(onboardedOn, day);
		var basis = new Score.Basis("LEARNED", reason,
				unknown == null ? BigDecimal.valueOf(Math.round(-low / range * 1000), 1) : null);
		if (unknown != null) {
			var parts = entries.stream().map(e -> new Score.Part(e, readings.get(e.signal().key()), null)).toList();
			return new Score(pillar, null, unknown, parts, basis);
		}
		double[] exact = new double[entries.size() + 1];
		exact[0] = 100 * -low / range;
		for (int j = 0; j < entries.size(); j++) {
			exact[j + 1] = 100 * model.contribution(j, features[j]) / range;
		}
		long[] tenths = Tenths.split(exact);
		long total = 0;
		for (long t : tenths) {
			total += t;
		}
		var parts = new ArrayList<Score.Part>();
		for (int j = 0; j < entries.size(); j++) {
			var entry = entries.get(j);
			var reading = readings.get(entry.signal().key());
			var note = StoredFigures.signed(model.coefficients()[j], 2) + " log-odds per unit of share × (share "
					+ StoredFigures.number(features[j], 2)
					+ (reading.known() ? "" : ", its group's mean as it has no reading") + " − baseline "
					+ StoredFigures.number(model.baselines()[j], 2) + ")";
			parts.add(new Score.Part(entry, reading, BigDecimal.valueOf(tenths[j + 1], 1), note));
		}
		basis = new Score.Basis("LEARNED", reason, BigDecimal.valueOf(tenths[0], 1));
		return new Score(pillar, BigDecimal.valueOf(total, 1), null, parts, basis);
	}

}
