package com.trellis.registration;

import com.trellis.matching.Company;
import com.trellis.matching.CompanyIdentity;

/**
 * A customer as conflict detection compares it: its registrable domain and normalised
 * name.
 */
record Customer(String displayName, String registrableDomain, String normalizedName) {

	/** The company the matcher compares (registrations know no country). */
	Company company() {
		return Company.stored(this.displayName, this.registrableDomain, this.normalizedName, null);
	}

	static Customer of(String name, String webAddress) {
		return new Customer(name, CompanyIdentity.identityDomain(webAddress), CompanyIdentity.normalizedName(name));
	}

}
