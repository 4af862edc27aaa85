package com.trellis.fit;

import java.math.BigDecimal;
import java.util.List;

import com.trellis.partners.PartnerType;

/**
 * One partner fitting a deal: its fit (the similar-deal points weighed by trust), its
 * similar won deals (those the viewer may open named, the others only counted), its trust
 * score (null: unknown, with the reason), the reason in words, and whether it is on the
 * deal already.
 */
public record PartnerFit(int rank, long partnerId, String partnerName, PartnerType partnerType, BigDecimal fit,
		int similarWon, int points, BigDecimal trust, String trustUnknownReason, List<SimilarDeal> named, int unnamed,
		String reason, boolean onDeal) {
}
