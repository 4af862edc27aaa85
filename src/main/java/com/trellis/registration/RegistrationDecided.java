package com.trellis.registration;

/**
 * A deal registration was decided: approved or rejected (by its PAM, by the rules of
 * engagement on entry, or when the queue it was held in was decided again). Published
 * inside the deciding transaction.
 */
public record RegistrationDecided(long registrationId, long partnerId, String status) {
}
