package com.trellis.adoption;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

import com.trellis.leads.LeadFigures;
import com.trellis.shared.Percent;

/**
 * The figures of §C10 over a period, for one rep ({@link RepAdoption}) or one team
 * ({@link TeamAdoption}, its reps' counts added up): deals created in the period, with a
 * partner, adopted (a partner the rep brought in unprompted) and compliant (a partner
 * brought in after a manager's prompt), registrations the rep made, win rates (percent,
 * one decimal) and mean cycle days with and without a partner over the deals closed in
 * the period ({@link ClosedCounts}), and partner leads routed in the period. The rates
 * and the partner share are answered by the API with the counts behind them.
 */
public interface AdoptionLine {

	long deals();

	long partnerDeals();

	long adopted();

	long compliant();

	long registrations();

	ClosedCounts closed();

	LeadFigures leads();

	@JsonProperty
	default BigDecimal winRateWithPartner() {
		return closed().winRateWithPartner();
	}

	@JsonProperty
	default BigDecimal winRateWithout() {
		return closed().winRateWithout();
	}

	@JsonProperty
	default BigDecimal cycleDaysWithPartner() {
		return closed().cycleDaysWithPartner();
	}

	@JsonProperty
	default BigDecimal cycleDaysWithout() {
		return closed().cycleDaysWithout();
	}

	/** Deals with a partner as a share of deals created, percent; null without deals. */
	@JsonProperty
	default BigDecimal partnerShare() {
		return Percent.of(BigDecimal.valueOf(partnerDeals()), BigDecimal.valueOf(deals()));
	}

}
