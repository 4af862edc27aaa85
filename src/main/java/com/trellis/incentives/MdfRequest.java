package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.shared.MinorUnits;

/**
 * A request for market development funds and what was claimed against it.
 */
public record MdfRequest(long id, long partnerId, String activity, BigDecimal cost, String currency,
		BigDecimal expectedPipeline, BigDecimal partnerInvestment, String status, BigDecimal approvedAmount,
		BigDecimal claimed, Instant requestedAt, String decisionReason) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public MdfRequest {
		cost = MinorUnits.round(cost, currency);
		expectedPipeline = MinorUnits.round(expectedPipeline, currency);
		partnerInvestment = MinorUnits.round(partnerInvestment, currency);
		approvedAmount = MinorUnits.round(approvedAmount, currency);
		claimed = MinorUnits.round(claimed, currency);
	}

}
