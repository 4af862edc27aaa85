package com.trellis.registration;

/**
 * Filters of the registration list. {@code mine} narrows a PAM to their book.
 */
public record RegistrationFilter(RegistrationStatus status, Long partnerId, boolean breachedOnly, boolean mine) {
}
