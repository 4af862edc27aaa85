package com.trellis.partners;

import java.time.LocalDate;

/**
 * A partner moved in its lifecycle; {@code onboardedOn} is set once it has entered
 * onboarding.
 */
public record PartnerLifecycleChanged(long partnerId, LifecycleStatus from, LifecycleStatus to, LocalDate onboardedOn) {
}
