package com.trellis.mapping;

import java.math.BigDecimal;

import com.trellis.shared.MinorUnits;

/**
 * One overlap: the partner's company (row of its list, name, its status there) and our
 * account with its owner (whom the PAM introduces, with the e-mail to reach them) and
 * open pipeline in the reporting currency. {@code amountUnknownDeals}: how many of the
 * account's open deals have their amount unknown (V124); the pipeline counts nothing for
 * them, and the page says "Amount unknown" beside it (alone when every open deal's is).
 */
public record OverlapRecord(long rowNumber, String companyName, String partnerStatus, long accountId,
		String accountName, Long ownerId, String ownerName, String ownerEmail, BigDecimal openPipeline, String currency,
		long amountUnknownDeals) {

	/** The pipeline at the currency's minor unit, whatever scale it was summed with. */
	public OverlapRecord {
		openPipeline = MinorUnits.round(openPipeline, currency);
	}

}
