package com.trellis.registration;

import java.util.EnumSet;
import java.util.Set;

public enum RegistrationStatus {

	PENDING("Awaiting approval"), ON_HOLD("On hold"), NEEDS_INFO("More information needed"), APPROVED("Approved"),
	REJECTED("Rejected"), EXPIRED("Expired"), WITHDRAWN("Withdrawn");

	/** Registrations that hold a customer: they protect it against later ones. */
	static final Set<RegistrationStatus> PROTECTING = EnumSet.of(PENDING, NEEDS_INFO, APPROVED);

	static final Set<RegistrationStatus> OPEN = EnumSet.of(PENDING, ON_HOLD, NEEDS_INFO, APPROVED);

	private final String label;

	RegistrationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
