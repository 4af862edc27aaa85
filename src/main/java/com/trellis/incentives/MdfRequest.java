package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.shared.MinorUnits;

/**
 * A request for market development funds and what was claimed against it; while it waits
 * for a decision, {@code fundWarning} says when it is more than what is left of the
 * partner's fund ({@link MdfFundCheck}), for the partner asking and the PAM deciding.
 * {@code status} is {@code REQUESTED}, {@code APPROVED}, {@code DECLINED} or
 * {@code LAPSED}: approved, but its claim deadline {@code claimBy} (a business day; null
 * for an approval from before deadlines) has passed, so the rest cannot be claimed and no
 * longer holds the fund.
 */
public record MdfRequest(long id, long partnerId, String activity, BigDecimal cost, String currency,
		BigDecimal expectedPipeline, BigDecimal partnerInvestment, String status, BigDecimal approvedAmount,
		BigDecimal claimed, Instant requestedAt, String decisionReason, java.time.LocalDate claimBy,
		String fundWarning) {

	MdfRequest(long id, long partnerId, String activity, BigDecimal cost, String currency, BigDecimal expectedPipeline,
			BigDecimal partnerInvestment, String status, BigDecimal approvedAmount, BigDecimal claimed,
			Instant requestedAt, String decisionReason, java.time.LocalDate claimBy) {
		this(id, partnerId, activity, cost, currency, expectedPipeline, partnerInvestment, status, approvedAmount,
				claimed, requestedAt, decisionReason, claimBy, null);
	}

	MdfRequest warned(String warning) {
		return new MdfRequest(this.id, this.partnerId, this.activity, this.cost, this.currency, this.expectedPipeline,
				this.partnerInvestment, this.status, this.approvedAmount, this.claimed, this.requestedAt,
				this.decisionReason, this.claimBy, warning);
	}

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public MdfRequest {
		cost = MinorUnits.round(cost, currency);
		expectedPipeline = MinorUnits.round(expectedPipeline, currency);
		partnerInvestment = MinorUnits.round(partnerInvestment, currency);
		approvedAmount = MinorUnits.round(approvedAmount, currency);
		claimed = MinorUnits.round(claimed, currency);
	}

}
