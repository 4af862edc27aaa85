package com.trellis.imports;

import java.util.Map;
import java.util.TreeMap;

/**
 * The admin's choices in the mapping step: a Trellis stage for a source stage (overriding
 * the suggestion), a Trellis user for an owner's e-mail, whether owners who are not
 * Trellis users are created as deactivated users, and the currency of deals whose export
 * names none; a credit type for a Salesforce partner role, and the PAM of imported
 * partners whose owner is no PAM.
 */
record ImportMapping(Map<String, String> stages, Map<String, Long> owners, boolean createUnknownOwners,
		String defaultCurrency, Map<String, String> credits, Long partnerPam) {

	ImportMapping(Map<String, String> stages, Map<String, Long> owners, boolean createUnknownOwners,
			String defaultCurrency) {
		this(stages, owners, createUnknownOwners, defaultCurrency, Map.of(), null);
	}

	ImportMapping {
		var byStage = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
		byStage.putAll(stages);
		stages = byStage;
		var byEmail = new TreeMap<String, Long>(String.CASE_INSENSITIVE_ORDER);
		byEmail.putAll(owners);
		owners = byEmail;
		var byRole = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
		byRole.putAll(credits);
		credits = byRole;
		defaultCurrency = defaultCurrency == null || defaultCurrency.isBlank() ? null
				: com.trellis.shared.validation.CurrencyRule.normalized(defaultCurrency);
	}

	static ImportMapping none() {
		return new ImportMapping(Map.of(), Map.of(), false, null);
	}

}
