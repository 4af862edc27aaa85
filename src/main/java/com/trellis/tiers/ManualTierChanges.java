package com.trellis.tiers;

import java.time.Clock;

import com.trellis.notify.PartnerNotice;
import com.trellis.partners.PartnerTierChanged;
import com.trellis.shared.BusinessCalendar;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the tier history whole when a tier is changed on the partner's record (the
 * partner form or API) rather than by this module: such a change is recorded as
 * {@code MANUAL} with a notice to the partner. Changes this module made are in the
 * history already (the latest row ends in the new tier) and are left alone.
 * <p>
 * It listens inside the transaction that changed the tier, not after it: one evaluation
 * may move a partner twice (down in one week, up a few weeks later), and read after the
 * commit the history's latest row no longer matches the first move, which was then
 * recorded a second time as a manual change with a second notice. In the transaction the
 * latest row is always the move being announced, and a manual change is recorded with the
 * change itself or not at all.
 */
@Component
class ManualTierChanges {

	private final TierStore store;

	private final ApplicationEventPublisher events;

	private final BusinessCalendar calendar;

	private final Clock clock;

	ManualTierChanges(TierStore store, ApplicationEventPublisher events, BusinessCalendar calendar, Clock clock) {
		this.store = store;
		this.events = events;
		this.calendar = calendar;
		this.clock = clock;
	}

	@EventListener
	void on(PartnerTierChanged event) {
		var history = this.store.history(event.partnerId());
		if (!history.isEmpty() && history.get(0).to() == event.to()) {
			return;
		}
		long id = this.store.recordChange(event.partnerId(), event.from(), event.to(), this.calendar.today(), "MANUAL",
				null, "changed on the partner's record (see its audit log)", event.changedBy(), this.clock.instant());
		this.events.publishEvent(new PartnerNotice("tier-change:" + id, event.partnerId(), "TIER_CHANGED",
				"Your tier is now " + event.to().label(), "The program changed your tier.",
				"/partners/" + event.partnerId() + "/tier"));
	}

}
