package com.trellis.webhooks;

import java.time.LocalDate;

import com.trellis.deals.DealClosed;
import com.trellis.deals.DealReopened;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerLifecycleChanged;
import com.trellis.partners.PartnerTierChanged;
import com.trellis.partners.Tier;

/**
 * The {@code data} of the messages whose events carry more than a receiver reads: the
 * events' {@code byImport} origin (docs/webhooks.md, "Imports announce nothing") stays
 * inside Trellis, so each payload names its fields itself, as docs/webhooks.md lists
 * them.
 */
final class EventData {

	private EventData() {
	}

	record DealLost(long opportunityId, Long partnerId, boolean won) {

		static DealLost of(DealClosed event) {
			return new DealLost(event.opportunityId(), event.partnerId(), event.won());
		}

	}

	record Reopened(long opportunityId, Long partnerId) {

		static Reopened of(DealReopened event) {
			return new Reopened(event.opportunityId(), event.partnerId());
		}

	}

	record LifecycleChanged(long partnerId, LifecycleStatus from, LifecycleStatus to, LocalDate onboardedOn) {

		static LifecycleChanged of(PartnerLifecycleChanged event) {
			return new LifecycleChanged(event.partnerId(), event.from(), event.to(), event.onboardedOn());
		}

	}

	record TierChanged(long partnerId, Tier from, Tier to) {

		static TierChanged of(PartnerTierChanged event) {
			return new TierChanged(event.partnerId(), event.from(), event.to());
		}

	}

}
