package com.trellis.accounts;

/**
 * An account as conflict detection and matching see it; the country is null when not
 * known.
 */
public record CustomerRecord(long accountId, String name, String registrableDomain, String normalizedName,
		String country) {

	public CustomerRecord(long accountId, String name, String registrableDomain, String normalizedName) {
		this(accountId, name, registrableDomain, normalizedName, null);
	}

	/** The company the matcher compares. */
	public com.trellis.matching.Company company() {
		return com.trellis.matching.Company.stored(this.name, this.registrableDomain, this.normalizedName,
				this.country);
	}

}
