package com.trellis.maturity;

import java.util.List;

/**
 * The program's or one partner's assessments, newest first: the latest result (null
 * before the first) and the ones before it.
 *
 * @param partnerId null for the program
 * @param name the partner's name, or null for the program
 */
public record MaturityHistory(Subject subject, Long partnerId, String name, MaturityAssessment latest,
		List<MaturityAssessment> previous) {
}
