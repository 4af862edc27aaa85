package com.trellis.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.matching.CompanyIdentity;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.CurrencyRule;

/**
 * The entry gate of §C2: a registration is accepted only with a named account, a
 * confirmed customer need, a partner of record, an expected amount and close date. Each
 * missing or invalid item is named.
 */
final class EntryGate {

	static final int MIN_NEED_LENGTH = 10;

	private EntryGate() {
	}

	static List<FieldError> check(RegistrationCommand command, LocalDate today) {
		var errors = new ArrayList<FieldError>();
		if (command.accountId() == null && blank(command.customerName())) {
			errors.add(new FieldError("customerName", "name the customer's company (or pick an existing account)"));
		}
		if (!blank(command.customerDomain()) && CompanyIdentity.registrableDomain(command.customerDomain()) == null) {
			errors.add(new FieldError("customerDomain", "is not a web domain such as example.com"));
		}
		if (blank(command.customerNeed()) || command.customerNeed().strip().length() < MIN_NEED_LENGTH) {
			errors.add(new FieldError("customerNeed",
					"describe the customer's confirmed need in at least " + MIN_NEED_LENGTH + " characters"));
		}
		if (command.partnerId() == null) {
			errors.add(new FieldError("partnerId", "name the partner of record"));
		}
		if (command.amount() == null) {
			errors.add(new FieldError("amount", "give the expected amount"));
		}
		if (command.currency() == null) {
			errors.add(new FieldError("currency", "give the currency of the amount"));
		}
		else if (!knownCurrency(command.currency())) {
			errors.add(new FieldError("currency", "unknown currency " + command.currency()));
		}
		if (command.expectedCloseDate() == null) {
			errors.add(new FieldError("expectedCloseDate", "give the expected close date"));
		}
		else if (command.expectedCloseDate().isBefore(today)) {
			errors.add(new FieldError("expectedCloseDate", "must not be in the past"));
		}
		if (command.creditType() == null) {
			errors.add(new FieldError("creditType", "propose a credit type: SOURCED, INFLUENCED or CO_SELL"));
		}
		return errors;
	}

	/**
	 * Whether the code is a currency Trellis takes ({@link CurrencyRule}; false for
	 * null).
	 */
	static boolean knownCurrency(String code) {
		return code != null && CurrencyRule.problem(code).isEmpty();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
