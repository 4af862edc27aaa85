package com.trellis.enablement;

/**
 * A partner user completed every required item of their role's track.
 */
public record EnablementCompleted(long partnerId, long userId, String role) {
}
