package com.trellis.mapping;

import java.math.BigDecimal;

/**
 * One overlap: the partner's company (row of its list, name, its status there) and our
 * account with its owner and open pipeline in the reporting currency.
 */
public record OverlapRecord(long rowNumber, String companyName, String partnerStatus, long accountId,
		String accountName, Long ownerId, String ownerName, BigDecimal openPipeline, String currency) {
}
