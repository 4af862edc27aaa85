package com.trellis.maturity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One submitted assessment as kept: its answers, the score and level the rule gave, each
 * area's score with its change since the assessment before, and a recommendation per weak
 * area naming the answers behind it.
 *
 * @param level 1 (ad hoc) to 5 (ecosystem-led)
 * @param answers question id to answer 0–4
 */
public record MaturityAssessment(long id, Subject subject, Long partnerId, int questionnaireVersion, int score,
		int level, String levelName, String reason, List<AreaResult> areas, List<Recommendation> recommendations,
		Map<String, Integer> answers, String note, String answeredBy, Instant answeredAt) {

	/**
	 * @param change points since the subject's assessment before this one; null for the
	 * first
	 */
	public record AreaResult(String area, String name, int score, boolean weak, Integer change) {
	}

	/** What to do about a weak area, and the answers that made it weak. */
	public record Recommendation(String area, String name, String text, List<String> because) {
	}

}
