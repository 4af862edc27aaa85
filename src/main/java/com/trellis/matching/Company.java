package com.trellis.matching;

/**
 * A company as the matcher compares it: a name to show, its identity domain (null when
 * unknown or a free-mail domain), its normalised name and its country (ISO 3166 alpha-2,
 * null when unknown).
 */
public record Company(String displayName, String identityDomain, String normalizedName, String country) {

	/** From what a user typed: a company name, a web address and a country. */
	public static Company of(String name, String webAddress, String country) {
		return new Company(name, CompanyIdentity.identityDomain(webAddress), CompanyIdentity.normalizedName(name),
				country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT));
	}

	/**
	 * From stored keys, already folded (the registrable domain may be a free-mail one).
	 */
	public static Company stored(String name, String registrableDomain, String normalizedName, String country) {
		return new Company(name, FreeMailDomains.contains(registrableDomain) ? null : registrableDomain, normalizedName,
				country);
	}

}
