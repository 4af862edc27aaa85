package com.trellis.partners;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every {@link TierHolds} of the application asked at once: the first refusal found. */
@Component
class HeldTiers {

	private final List<TierHolds> holds;

	HeldTiers(List<TierHolds> holds) {
		this.holds = holds;
	}

	Optional<String> refusal(long partnerId, Tier to) {
		return this.holds.stream().flatMap(hold -> hold.refusal(partnerId, to).stream()).findFirst();
	}

}
