package com.trellis.mapping;

/** One company of a partner's list as uploaded, checked. */
record ListRow(long rowNumber, String companyName, String webDomain, String country, Status status, String crmId) {

	enum Status {

		CUSTOMER, PROSPECT

	}

}
