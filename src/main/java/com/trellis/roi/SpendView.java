package com.trellis.roi;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Program spend recorded against a partner, in its own currency. */
public record SpendView(long id, long partnerId, String partnerName, LocalDate spentOn, BigDecimal amount,
		String currency, String purpose) {

	/** The amount at its currency's minor unit, whatever scale it was read with. */
	public SpendView {
		amount = com.trellis.shared.MinorUnits.round(amount, currency);
	}

}
