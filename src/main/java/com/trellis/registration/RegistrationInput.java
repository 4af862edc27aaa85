package com.trellis.registration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.trellis.accounts.Accounts;
import com.trellis.identity.Viewer;
import com.trellis.matching.CompanyIdentity;
import com.trellis.partners.PartnerView;
import com.trellis.partners.Partners;
import com.trellis.registration.RegistrationRepository.Row;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.SqlPipeline;
import com.trellis.shared.validation.CurrencyRates;

import org.springframework.stereotype.Component;

/**
 * A registration's input checked and turned into the values stored: the entry gate, the
 * account or partner named, the customer's registrable domain, normalised name and shape;
 * every bad field named at once ({@link InvalidInputException}). Split from
 * {@link Registrations}.
 */
@Component
class RegistrationInput {

	private final Accounts accounts;

	private final Partners partners;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final CurrencyRates rates;

	RegistrationInput(Accounts accounts, Partners partners, com.trellis.shared.BusinessCalendar calendar,
			CurrencyRates rates) {
		this.accounts = accounts;
		this.partners = partners;
		this.calendar = calendar;
		this.rates = rates;
	}

	Map<String, Object> validated(Viewer viewer, RegistrationCommand command, RegistrationRules rules) {
		return validated(viewer, command, rules, id -> this.partners.get(viewer, id), this.rates::hasRate);
	}

	/**
	 * Whether the program has a rate for the command's currency, read with the caller's
	 * pipeline; null when the entry gate refuses the currency anyway (none or not ISO).
	 */
	Supplier<Boolean> rate(SqlPipeline reads, RegistrationCommand command) {
		return EntryGate.knownCurrency(command.currency()) ? this.rates.hasRate(reads, command.currency()) : null;
	}

	/**
	 * As {@link #validated(Viewer, RegistrationCommand, RegistrationRules)}, with the
	 * command's partner as read by the caller already (empty when unknown), so that it is
	 * not read again, and whether its currency has a rate as read with it
	 * ({@link #rate}).
	 */
	Map<String, Object> validated(Viewer viewer, RegistrationCommand command, RegistrationRules rules,
			java.util.Optional<PartnerView> partner, Supplier<Boolean> rate) {
		return validated(viewer, command, rules,
				id -> partner.filter(p -> p.id() == id).orElseThrow(() -> new NotFoundException("Partner", id)),
				currency -> rate == null || rate.get());
	}

	private Map<String, Object> validated(Viewer viewer, RegistrationCommand command, RegistrationRules rules,
			java.util.function.LongFunction<PartnerView> partnerOf, Predicate<String> hasRate) {
		var errors = new ArrayList<>(EntryGate.check(command, this.calendar.today()));
		// a currency the program has no rate for: its amounts would drop out of the KPIs
		// and the forecast
		if (EntryGate.knownCurrency(command.currency()) && !hasRate.test(command.currency())) {
			errors.add(new FieldError("currency", CurrencyRates.noRate(command.currency())));
		}
		String name = command.customerName();
		String domain = command.customerDomain();
		if (command.accountId() != null) {
			if (viewer.isPartnerUser()) {
				errors
					.add(new FieldError("accountId", "partner users name the customer instead of picking an account"));
			}
			else {
				try {
					var account = this.accounts.get(viewer, command.accountId());
					name = account.name();
					domain = account.webDomain();
				}
				catch (NotFoundException ex) {
					errors.add(new FieldError("accountId", "no account with id " + command.accountId()));
				}
			}
		}
		if (command.partnerId() != null) {
			try {
				partnerOf.apply(command.partnerId())
					.lifecycleStatus()
					.keepsOut("register deals")
					.ifPresent(why -> errors.add(new FieldError("partnerId", why)));
			}
			catch (NotFoundException ex) {
				errors.add(new FieldError("partnerId", "no partner with id " + command.partnerId()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Map<String, Object> values = new HashMap<>();
		values.put("partner", command.partnerId());
		values.put("account", command.accountId());
		values.put("customerName", name.strip());
		// kept as the bare domain the account made of it will have (typed as a web
		// address)
		values.put("customerDomain", CompanyIdentity.bareDomain(domain));
		values.put("registrable", CompanyIdentity.identityDomain(domain));
		var normalized = CompanyIdentity.normalizedName(name);
		values.put("normalized", normalized);
		values.put("shape", normalized == null ? null : CustomerLocks.shape(normalized));
		values.put("need", command.customerNeed().strip());
		values.put("amount", command.amount());
		values.put("currency", command.currency());
		values.put("closeDate", command.expectedCloseDate());
		values.put("credit", command.creditType().name());
		values.put("share", rules.shareFor(command.creditType()));
		return values;
	}

	Map<String, Object> resubmission(Viewer viewer, Row row, RegistrationCommand input, RegistrationRules rules) {
		var view = row.view();
		RegistrationAccess.requireEdits(viewer, view);
		// bad input is refused as such (400) whatever the status; a registration not sent
		// back is a conflict with its state (409)
		return StatusMoves.requireMove(view, StatusAction.RESUBMIT, () -> {
			var values = validated(viewer, withPartner(input, view.partnerId()), rules);
			if (!sameCustomer(row.customer(), (String) values.get("registrable"), (String) values.get("normalized"))) {
				// the field that changed is named (s55: a new domain was blamed on the
				// name)
				boolean sameName = java.util.Objects.equals(row.customer().normalizedName(), values.get("normalized"));
				throw InvalidInputException.of(sameName ? "customerDomain" : "customerName",
						"the customer cannot change on resubmission; withdraw this registration and register the other customer");
			}
			return values;
		});
	}

	/**
	 * The customer a command names, as {@link #validated} will store it, known before the
	 * command is checked; null when an account is picked (its name is read) or no name is
	 * given.
	 */
	static Customer namedCustomer(RegistrationCommand command) {
		String name = command.customerName();
		if (command.accountId() != null || name == null || name.isBlank()) {
			return null;
		}
		return new Customer(name.strip(), CompanyIdentity.identityDomain(command.customerDomain()),
				CompanyIdentity.normalizedName(name));
	}

	static boolean sameCustomer(Customer customer, String registrable, String normalized) {
		return java.util.Objects.equals(customer.registrableDomain(), registrable)
				&& java.util.Objects.equals(customer.normalizedName(), normalized);
	}

	static RegistrationCommand withPartner(RegistrationCommand c, long partnerId) {
		return new RegistrationCommand(c.accountId(), c.customerName(), c.customerDomain(), c.customerNeed(),
				c.amount(), c.currency(), c.expectedCloseDate(), partnerId, c.creditType());
	}

}
