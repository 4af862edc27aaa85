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

}
