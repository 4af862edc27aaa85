package com.trellis.registration;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a registration is, and where it may go next. An approved registration has an open
 * deal: it ends with its protection, or when its deal closes, lost (or disqualified) or
 * won. Either way its protection has done its work: the customer is free for the next
 * registration (an expansion deal, say), which the rules of engagement decide afresh. The
 * partner leaves an approved registration's deal through the deal, not by withdrawing the
 * registration.
 */
public enum RegistrationStatus {

	PENDING("Awaiting approval", "the registration is awaiting approval"),
	ON_HOLD("On hold", "the registration is on hold behind an earlier claim on its customer"),
	NEEDS_INFO("More information needed", "the registration was sent back for more information"),
	APPROVED("Approved", "the registration is approved and its deal is open"),
	REJECTED("Rejected", "the registration was rejected"),
	EXPIRED("Expired", "the registration expired when its protection lapsed"),
	WITHDRAWN("Withdrawn", "the registration was withdrawn"),
	DEAL_LOST("Ended: deal lost", "the registration ended when its deal was lost"),
	DEAL_WON("Ended: deal won", "the registration ended when its deal was won");

	/** Registrations that hold a customer: they protect it against later ones. */
	static final Set<RegistrationStatus> PROTECTING = EnumSet.of(PENDING, NEEDS_INFO, APPROVED);

	/**
	 * {@link #PROTECTING} as an SQL list: {@code ('PENDING', 'NEEDS_INFO', 'APPROVED')}.
	 */
	static final String PROTECTING_SQL = PROTECTING.stream()
		.map(s -> "'" + s.name() + "'")
		.collect(java.util.stream.Collectors.joining(", ", "(", ")"));

	static final Set<RegistrationStatus> OPEN = EnumSet.of(PENDING, ON_HOLD, NEEDS_INFO, APPROVED);

	private final String label;

	private final String state;

	RegistrationStatus(String label, String state) {
		this.label = label;
		this.state = state;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The status as a clause of a sentence ("the registration ended when its deal was
	 * won"), for refusals that say why something cannot be done.
	 */
	public String state() {
		return this.state;
	}

	/**
	 * Whether the registration has ended: it goes nowhere from here, protects nothing and
	 * awaits no decision.
	 */
	public boolean ended() {
		return next().isEmpty();
	}

	public Set<RegistrationStatus> next() {
		return switch (this) {
			case PENDING -> EnumSet.of(APPROVED, REJECTED, NEEDS_INFO, WITHDRAWN, EXPIRED);
			case ON_HOLD -> EnumSet.of(PENDING, REJECTED, WITHDRAWN);
			case NEEDS_INFO -> EnumSet.of(PENDING, REJECTED, WITHDRAWN, EXPIRED);
			case APPROVED -> EnumSet.of(EXPIRED, DEAL_LOST, DEAL_WON);
			case REJECTED, EXPIRED, WITHDRAWN, DEAL_LOST, DEAL_WON -> EnumSet.noneOf(RegistrationStatus.class);
		};
	}

	public boolean canMoveTo(RegistrationStatus target) {
		return next().contains(target);
	}

	/** Whether it holds the customer, so its protection can be extended. */
	public boolean protects() {
		return PROTECTING.contains(this);
	}

}
