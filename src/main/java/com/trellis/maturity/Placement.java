package com.trellis.maturity;

import java.util.List;

/**
 * Where a complete set of answers places its subject, for writers of history that arrives
 * with its own dates (the demo).
 *
 * @param areas each area's id, score and whether it is weak (no change)
 */
public record Placement(int score, int level, String reason, List<MaturityAssessment.AreaResult> areas) {
}
