package com.trellis.registration;

import com.trellis.accounts.CustomerIdentity;

/**
 * A customer as conflict detection compares it: its registrable domain and normalised
 * name.
 */
record Customer(String displayName, String registrableDomain, String normalizedName) {

	static Customer of(String name, String webAddress) {
		return new Customer(name, CustomerIdentity.registrableDomain(webAddress),
				CustomerIdentity.normalizedName(name));
	}

}
