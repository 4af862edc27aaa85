package com.trellis.hygiene;

import java.time.Instant;

/**
 * A check with how many records it finds in the viewer's scope.
 *
 * @param computedAt for a check a job computes and stores (the duplicate accounts), when
 * the count was computed (null before the job's first run); null for the checks counted
 * on each read
 */
public record HygieneSummary(HygieneCheck check, String description, long count, boolean fixable, Instant computedAt) {
}
