package com.trellis.roi;

/**
 * AE pull-through of a partner in a quarter: how often the vendor's reps invited it
 * (co-sell requests they asked, deals they attached it to) and how many distinct reps
 * did.
 *
 * @param partnerId the partner
 * @param name its name
 * @param tier its tier now
 * @param cosellRequests co-sell requests reps asked of it
 * @param attachments deals reps attached it to
 * @param invitations both together
 * @param distinctReps the reps who did either
 */
public record PullThrough(long partnerId, String name, String tier, long cosellRequests, long attachments,
		long invitations, long distinctReps) {
}
