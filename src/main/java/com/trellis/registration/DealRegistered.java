package com.trellis.registration;

/**
 * A partner's deal registration passed the entry gate.
 */
public record DealRegistered(long registrationId, long partnerId) {
}
