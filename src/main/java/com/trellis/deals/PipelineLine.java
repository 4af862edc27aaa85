package com.trellis.deals;

import java.math.BigDecimal;

import com.trellis.shared.MinorUnits;

/**
 * Open pipeline for one stage, split by whether a partner is involved, in one currency.
 */
public record PipelineLine(Stage stage, boolean partnerInvolved, String currency, long deals, BigDecimal amount) {

	/** Each amount at its currency's minor unit, whatever scale it was read with. */
	public PipelineLine {
		amount = MinorUnits.round(amount, currency);
	}

}
