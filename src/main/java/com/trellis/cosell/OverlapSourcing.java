package com.trellis.cosell;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether a partner joining a deal (attached to it, or asked for co-sell help on
 * it) is overlap-sourced: the vendor's staff acted, and the partner's overlap with the
 * deal's account had been shown to someone of the vendor before, or at, that moment.
 */
final class OverlapSourcing {

	private OverlapSourcing() {
	}

	static Decision decide(boolean byVendor, Optional<Shown> shown, Instant actedAt) {
		if (!byVendor) {
			return new Decision(false, "the partner came by a registration or an import, not from an overlap");
		}
		if (shown.isEmpty()) {
			return new Decision(false, "the partner's overlap with the account was never shown before");
		}
		if (shown.get().at().isAfter(actedAt)) {
			return new Decision(false, "the overlap was shown only after the partner joined");
		}
		return new Decision(true, "the overlap was shown to user " + shown.get().to() + " at " + shown.get().at()
				+ ", before the partner joined");
	}

	/** A showing of the overlap: to whom, when. */
	record Shown(long to, Instant at) {
	}

	/** Whether the deal is overlap-sourced, and why. */
	record Decision(boolean sourced, String reason) {
	}

}
