package com.trellis.hygiene;

import java.time.Instant;

/**
 * A check whose result a job computes and stores (the duplicate accounts): when the
 * stored result was computed and when an admin queued a recomputation the job has not
 * made yet.
 *
 * @param computedAt when the stored result was computed, null before the job's first run
 * @param requestedAt when a recomputation was queued, null when none is waiting
 */
public record StoredResult(Instant computedAt, Instant requestedAt) {
}
