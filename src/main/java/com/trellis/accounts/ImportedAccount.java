package com.trellis.accounts;

import java.time.Instant;

/**
 * An account as a CRM export describes it, with the day it was created there.
 *
 * @param webDomain a bare domain such as example.com, or null when the export has none
 * @param country the ISO 3166-1 alpha-2 code of the billing country, or null when unknown
 */
public record ImportedAccount(String name, String webDomain, String industry, long ownerId, Instant createdAt,
		String country) {

	public ImportedAccount(String name, String webDomain, String industry, long ownerId, Instant createdAt) {
		this(name, webDomain, industry, ownerId, createdAt, null);
	}

}
