package com.trellis.maturity;

import java.time.Instant;
import java.util.List;

/**
 * A partner's latest maturity result as of a moment, as the readiness assessment reads
 * it.
 *
 * @param weakAreas the names of its weak areas
 */
public record PartnerMaturity(long partnerId, long assessmentId, int level, String levelName, int score,
		Instant assessedAt, List<String> weakAreas, String reason) {
}
