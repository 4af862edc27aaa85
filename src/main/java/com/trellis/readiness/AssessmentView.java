package com.trellis.readiness;

import java.time.Instant;
import java.util.List;

/** One submitted version of a partner's readiness self-assessment and its decision. */
public record AssessmentView(long id, long partnerId, int version, String status, String icpDefinition,
		List<Item> useCases, int salesProcess, int packagedOffers, List<Item> specialisations, int deliveryStaff,
		String deliveryNotes, Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy,
		String decisionComment) {

	/**
	 * A use case or specialisation; {@code proven} when its deal is one of the partner's
	 * wins.
	 */
	public record Item(String title, Long proofDealId, boolean proven) {
	}

}
