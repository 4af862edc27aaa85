package com.trellis.mapping;

/**
 * What a partner reads about the match of a company of its own list. It says only what
 * the overlap itself says (this company is, or may be, one of the vendor's accounts) and
 * nothing derived from the vendor's data beyond it: not the vendor's account (its id or
 * name), not how many of the vendor's accounts share a domain or a name, not the
 * similarity the matcher found. The vendor's staff read the matcher's own reason.
 */
final class PartnerFacingMatch {

	static final String AUTOMATIC = "this company is one of our accounts too";

	static final String POSSIBLE = "this company may be one of our accounts; our partner team checks";

	private PartnerFacingMatch() {
	}

	static PartnerAccountView of(PartnerAccountView row) {
		String reason = row.matchConfidence() == null ? null
				: "AUTOMATIC".equals(row.matchConfidence()) ? AUTOMATIC : POSSIBLE;
		return new PartnerAccountView(row.rowNumber(), row.companyName(), row.webDomain(), row.country(), row.status(),
				row.crmId(), null, row.matchConfidence(), reason);
	}

}
