package com.trellis.deals;

import com.trellis.notify.PartnerNotice;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a stage move announces, in the mover's transaction: a won deal moved back is
 * {@link DealReopened}; a close is {@link DealClosed} (with its close moment) and a
 * notice to the partner of record, "won", "lost" or, for a disqualification, the reason.
 * A won or lost deal moved back to an open stage is told to the partner of record too
 * ({@code DEAL_REOPENED}, with the move's description: the stage and the mover's reason):
 * it heard of the close, so it hears that the close no longer stands. Split from
 * {@link Deals}.
 */
@Component
class StageMoveEvents {

	private final ApplicationEventPublisher events;

	StageMoveEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	void moved(Stage before, OpportunityView after, String why, boolean disqualified) {
		var to = after.stage();
		if (before == Stage.CLOSED_WON && to != Stage.CLOSED_WON) {
			this.events.publishEvent(new DealReopened(after.id(), after.partnerId()));
		}
		if (!to.isClosed()) {
			if (before.isClosed() && after.partnerId() != null) {
				reopened(before, after, why);
			}
			return;
		}
		this.events
			.publishEvent(new DealClosed(after.id(), after.partnerId(), to == Stage.CLOSED_WON, after.closedAt()));
		if (after.partnerId() == null) {
			return;
		}
		if (disqualified) {
			this.events.publishEvent(new PartnerNotice("opportunity:" + after.id() + ":DISQUALIFIED", after.partnerId(),
					"DEAL_DISQUALIFIED", "Disqualified: " + StoredFigures.text(after.name()), "The deal \""
							+ StoredFigures.text(after.name()) + "\" was disqualified: " + StoredFigures.text(why),
					"/opportunities/" + after.id()));
			return;
		}
		boolean won = to == Stage.CLOSED_WON;
		this.events.publishEvent(new PartnerNotice(
				"opportunity:" + after.id() + ":" + to + ":" + after.closedAt().toEpochMilli(), after.partnerId(),
				won ? "DEAL_WON" : "DEAL_LOST", (won ? "Won: " : "Lost: ") + StoredFigures.text(after.name()),
				"The deal \"" + StoredFigures.text(after.name()) + "\" with " + StoredFigures.text(after.accountName())
						+ " was closed " + (won ? "won" : "lost") + ". Amount "
						+ StoredFigures.money(after.amount(), after.currency()) + ".",
				"/opportunities/" + after.id()));
	}

	private void reopened(Stage before, OpportunityView after, String why) {
		this.events.publishEvent(new PartnerNotice(
				"opportunity:" + after.id() + ":REOPENED:" + after.stageEnteredAt().toEpochMilli(), after.partnerId(),
				"DEAL_REOPENED", "Reopened: " + StoredFigures.text(after.name()),
				"The deal \"" + StoredFigures.text(after.name()) + "\" with " + StoredFigures.text(after.accountName())
						+ ", closed " + (before == Stage.CLOSED_WON ? "won" : "lost") + " before, was reopened and "
						+ StoredFigures.text(why) + ".",
				"/opportunities/" + after.id()));
	}

}
