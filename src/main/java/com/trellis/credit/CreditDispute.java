package com.trellis.credit;

import java.math.BigDecimal;
import java.time.Instant;

import com.trellis.deals.CreditType;

public record CreditDispute(long id, long opportunityId, long partnerId, long raisedBy, CreditType currentCreditType,
		BigDecimal currentShare, CreditType proposedCreditType, BigDecimal proposedShare, String reason,
		DisputeStatus status, Instant raisedAt, Long decidedBy, Instant decidedAt, String decisionReason) {
}
