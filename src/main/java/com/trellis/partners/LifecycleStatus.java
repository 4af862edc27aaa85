package com.trellis.partners;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a partner is in its life with the program, and where it may go next.
 */
public enum LifecycleStatus {

	PROSPECT("Prospect"), ONBOARDING("Onboarding"), ACTIVE("Active"), DORMANT("Dormant"), SUNSET("Sunset");

	private final String label;

	LifecycleStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public Set<LifecycleStatus> next() {
		return switch (this) {
			case PROSPECT -> EnumSet.of(ONBOARDING, SUNSET);
			case ONBOARDING -> EnumSet.of(ACTIVE, DORMANT, SUNSET);
			case ACTIVE -> EnumSet.of(DORMANT, SUNSET);
			case DORMANT -> EnumSet.of(ACTIVE, SUNSET);
			case SUNSET -> EnumSet.noneOf(LifecycleStatus.class);
		};
	}

	public boolean canMoveTo(LifecycleStatus target) {
		return next().contains(target);
	}

	/**
	 * Why a partner in this status brings no business ({@code what}: "register deals",
	 * "submit leads", "request MDF"): a prospect is not onboarded yet, a sunset partner
	 * has left the program; empty for the other statuses. One wording for registrations,
	 * leads and MDF (s55: a sunset partner still sent leads and asked for MDF).
	 */
	public java.util.Optional<String> keepsOut(String what) {
		return this == PROSPECT || this == SUNSET
				? java.util.Optional.of("a " + label().toLowerCase(java.util.Locale.ROOT) + " partner cannot " + what)
				: java.util.Optional.empty();
	}

}
