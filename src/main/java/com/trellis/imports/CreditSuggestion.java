package com.trellis.imports;

import java.util.Locale;
import java.util.Set;

import com.trellis.deals.CreditType;

/**
 * Suggests the credit a partner gets on an imported deal from its role in the source
 * ({@code OpportunityPartner.Role}): a partner that resells or distributes brought the
 * deal (sourced); one that implements or consults works the deal with the vendor
 * (co-sell); any other role, or none, influenced it. The admin may change each in the
 * mapping step.
 */
final class CreditSuggestion {

	private static final Set<String> RESALE = Set.of("var/reseller", "reseller", "var", "distributor", "dealer",
			"broker", "referral");

	private static final Set<String> DELIVERY = Set.of("system integrator", "si", "consultant", "contractor",
			"developer", "implementation partner");

	record Suggestion(CreditType type, String reason) {
	}

	private CreditSuggestion() {
	}

	static Suggestion suggest(String role) {
		var key = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
		if (RESALE.contains(key)) {
			return new Suggestion(CreditType.SOURCED, "a reselling or referring partner brought the deal");
		}
		if (DELIVERY.contains(key)) {
			return new Suggestion(CreditType.CO_SELL, "a delivering partner works the deal with the vendor");
		}
		return new Suggestion(CreditType.INFLUENCED,
				key.isEmpty() ? "no role: influenced" : "a role that neither resells nor delivers: influenced");
	}

}
