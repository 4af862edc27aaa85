package com.trellis.deals;

/**
 * Search options of the deal list.
 */
public record DealFilter(String q, Stage stage, Boolean open, Long ownerId, Long partnerId, Long accountId,
		Boolean partnerInvolved) {

	public static DealFilter none() {
		return new DealFilter(null, null, null, null, null, null, null);
	}

}
