package com.trellis.registration;

import java.util.Map;

import com.trellis.deals.CreditType;
import com.trellis.shared.FormFields;

/**
 * The registration form as far as its fields can be read, for naming every wrong field in
 * one round when one cannot (try01: a close date of "next week" hid a yen amount with
 * decimals): an unreadable field is left empty, the binding names it, and the command's
 * constraints and entry gate name the rest. Numbers are read as the reader writes them,
 * as the form's binding reads them.
 */
final class RegistrationForm {

	private RegistrationForm() {
	}

	static RegistrationCommand readable(Map<String, String> form) {
		var fields = new FormFields();
		return new RegistrationCommand(fields.id("accountId", form.get("accountId")), form.get("customerName"),
				form.get("customerDomain"), form.get("customerNeed"), fields.decimal("amount", form.get("amount")),
				form.get("currency"), fields.date("expectedCloseDate", form.get("expectedCloseDate")),
				fields.id("partnerId", form.get("partnerId")),
				fields.choice("creditType", form.get("creditType"), CreditType.class));
	}

}
