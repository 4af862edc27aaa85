package com.trellis.deals;

import java.time.Instant;

/**
 * One recorded correction of a closed deal: what changed (money or credit), from what to
 * what, why, by whom and when.
 */
public record Correction(long id, String what, String before, String after, String reason, Long correctedBy,
		Instant correctedAt) {
}
