package com.trellis.partners;

import java.time.LocalDate;

import com.trellis.shared.ImportScope;

/**
 * A partner moved in its lifecycle; {@code onboardedOn} is set once it has entered
 * onboarding.
 */
public record PartnerLifecycleChanged(long partnerId, LifecycleStatus from, LifecycleStatus to, LocalDate onboardedOn,
		boolean byImport) implements ImportScope.Origin {

	/**
	 * A move made now: by an import when an import's transaction or listener makes it.
	 */
	public PartnerLifecycleChanged(long partnerId, LifecycleStatus from, LifecycleStatus to, LocalDate onboardedOn) {
		this(partnerId, from, to, onboardedOn, ImportScope.active());
	}

}
