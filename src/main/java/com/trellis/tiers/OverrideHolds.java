package com.trellis.tiers;

import java.util.Optional;

import com.trellis.partners.Tier;
import com.trellis.partners.TierHolds;

import org.springframework.stereotype.Component;

/**
 * An override in force holds the partner's tier: the partner's record does not change it
 * until the override ends (ended by an admin or expired), so the tier, the override and
 * the tier card never disagree.
 */
@Component
class OverrideHolds implements TierHolds {

	private final TierOverrideStore overrideStore;

	OverrideHolds(TierOverrideStore overrideStore) {
		this.overrideStore = overrideStore;
	}

	@Override
	public Optional<String> refusal(long partnerId, Tier to) {
		var held = this.overrideStore.openOverride(partnerId);
		if (held == null) {
			return Optional.empty();
		}
		return Optional.of("an override holds " + held.tier().label() + " until " + held.expiresOn()
				+ "; end the override first (on the partner's tier page, or POST /api/v1/partners/" + partnerId
				+ "/tier/override/end with a reason), then change the tier here");
	}

}
