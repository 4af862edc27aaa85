package com.trellis.handover;

import java.util.List;

import com.trellis.identity.WorkHeld;

import org.springframework.stereotype.Component;

/**
 * The work a user holds, as the hand-over counts it, for the user administration's role
 * changes and deactivations ({@link WorkHeld}); without the direct reports, which the
 * user administration counts itself and any vendor role may have.
 */
@Component
class HandoverWorkHeld implements WorkHeld {

	private final Handover handover;

	HandoverWorkHeld(Handover handover) {
		this.handover = handover;
	}

	@Override
	public List<Held> heldBy(long userId) {
		return this.handover.heldBy(userId)
			.entrySet()
			.stream()
			.filter(e -> e.getKey() != Kind.REPORTS)
			.map(e -> new Held(e.getKey().one(), e.getKey().label(), e.getValue(), e.getKey().receivers()))
			.toList();
	}

}
