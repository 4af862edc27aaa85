package com.trellis.registration;

import java.util.EnumSet;
import java.util.Set;

import static com.trellis.registration.RegistrationStatus.NEEDS_INFO;
import static com.trellis.registration.RegistrationStatus.ON_HOLD;
import static com.trellis.registration.RegistrationStatus.PENDING;

/**
 * What a person asks of a registration, the statuses it may be asked of, and why it is
 * refused in any other: a sentence naming the status in words and what can no longer be
 * (or only in another status can be) done, such as "the registration ended when its deal
 * was won; it can no longer be extended". The moves each one makes are
 * {@link RegistrationStatus#next()}'s; an extension keeps the status.
 */
enum StatusAction {

	APPROVE("approved", "awaiting approval", RegistrationStatus.APPROVED, EnumSet.of(PENDING)),

	SEND_BACK("sent back for more information", "awaiting approval", NEEDS_INFO, EnumSet.of(PENDING)),

	REJECT("rejected", "awaiting a decision (awaiting approval, on hold or sent back for more information)",
			RegistrationStatus.REJECTED, EnumSet.of(PENDING, ON_HOLD, NEEDS_INFO)),

	WITHDRAW("withdrawn", "awaiting a decision (awaiting approval, on hold or sent back for more information)",
			RegistrationStatus.WITHDRAWN, EnumSet.of(PENDING, ON_HOLD, NEEDS_INFO)),

	RESUBMIT("edited and resubmitted", "sent back for more information", PENDING, EnumSet.of(NEEDS_INFO)),

	LIFT_HOLD("released from a hold", "on hold", PENDING, EnumSet.of(ON_HOLD)),

	EXTEND("extended",
			"that holds its customer (awaiting approval, sent back for more information or approved with its deal open)",
			null, RegistrationStatus.PROTECTING);

	private final String done;

	private final String requirement;

	private final RegistrationStatus to;

	private final Set<RegistrationStatus> from;

	StatusAction(String done, String requirement, RegistrationStatus to, Set<RegistrationStatus> from) {
		this.done = done;
		this.requirement = requirement;
		this.to = to;
		this.from = from;
	}

	/** The status it moves a registration to; null when it keeps the status. */
	RegistrationStatus to() {
		return this.to;
	}

	/** Whether a registration in this status may be asked it. */
	boolean allowedFrom(RegistrationStatus status) {
		return this.from.contains(status) && (this.to == null || status.canMoveTo(this.to));
	}

	/**
	 * Why a registration in this status is refused it, in words: that it was done already
	 * (a second approval: "the registration is already approved and its deal is open;
	 * nothing was changed"), else its status as a clause
	 * ({@link RegistrationStatus#state()}), then that an ended one can no longer be, and
	 * an open one only in the right status can be, what was asked.
	 */
	String refusal(RegistrationStatus status) {
		// a registration back awaiting approval was not necessarily resubmitted or
		// released from a hold
		if (status == this.to && status != PENDING) {
			return status.state().replaceFirst("^the registration (is|was) ", "the registration $1 already ")
					+ "; nothing was changed";
		}
		return status.state() + (status.ended() ? "; it can no longer be " + this.done
				: "; only a registration " + this.requirement + " can be " + this.done);
	}

}
