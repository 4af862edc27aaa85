package com.trellis.plays;

import java.time.Instant;

/**
 * A play attached to a deal: the version used, the deal and its partner, who attached it
 * and when.
 */
public record PlayUse(long id, long playId, int version, String title, SalesMoment moment, long opportunityId,
		long partnerId, long usedBy, Instant usedAt, String note) {
}
