package com.trellis.mapping;

/**
 * One company of a partner's current list with the account it matched (null when none),
 * how sure the match is ({@code AUTOMATIC} or {@code POSSIBLE}) and why.
 */
public record PartnerAccountView(long rowNumber, String companyName, String webDomain, String country, String status,
		String crmId, Long accountId, String matchConfidence, String matchReason) {
}
