package com.trellis.leads;

import java.util.ArrayList;

import com.trellis.accounts.Accounts;
import com.trellis.deals.CreditType;
import com.trellis.deals.DealSource;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityCommand;
import com.trellis.deals.Stage;
import com.trellis.identity.Viewer;
import com.trellis.registration.Registrations;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.stereotype.Component;

/**
 * The deal a rep's acceptance of a lead opens when asked to: its checks (an amount, its
 * currency and a close date not before today in the business time zone, each error naming
 * its field) and the partner-sourced deal itself, on the lead's matched account (found or
 * created from the lead's company when none matched), owned by the rep, with the sourced
 * share of the rules of engagement. Split from {@link Leads}.
 */
@Component
class LeadAcceptance {

	private final Accounts accounts;

	private final Deals deals;

	private final Registrations registrations;

	private final BusinessCalendar calendar;

	LeadAcceptance(Accounts accounts, Deals deals, Registrations registrations, BusinessCalendar calendar) {
		this.accounts = accounts;
		this.deals = deals;
		this.registrations = registrations;
		this.calendar = calendar;
	}

	/**
	 * Refuses an acceptance that opens a deal without its amount, currency or close date.
	 */
	void check(AcceptCommand command) {
		var errors = new ArrayList<FieldError>();
		if (!Boolean.TRUE.equals(command.openDeal())) {
			// a deal's details without a deal to open were meant for one: not dropped
			// unsaid
			// (the currency is left out: the page form always sends its default)
			var unused = "is only taken when a deal is opened (openDeal true)";
			if (command.dealName() != null && !command.dealName().isBlank()) {
				errors.add(new FieldError("dealName", unused));
			}
			if (command.amount() != null) {
				errors.add(new FieldError("amount", unused));
			}
			if (command.closeDate() != null) {
				errors.add(new FieldError("closeDate", unused));
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return;
		}
		if (command.amount() == null) {
			errors.add(new FieldError("amount", "give the expected amount of the deal"));
		}
		if (command.currency() == null || command.currency().isBlank()) {
			errors.add(new FieldError("currency", "give the currency of the amount"));
		}
		if (command.closeDate() == null) {
			errors.add(new FieldError("closeDate", "give the expected close date"));
		}
		else if (command.closeDate().isBefore(this.calendar.today())) {
			errors.add(new FieldError("closeDate", "must not be in the past"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * Opens the deal of a lead being accepted, after {@link #check}; the caller has
	 * checked that the viewer may accept the lead and locked it.
	 */
	Opened open(Viewer viewer, LeadView view, AcceptCommand command) {
		check(command);
		Long accountId = view.accountId() != null ? view.accountId() : this.accounts
			.findOrCreateForRegistration(viewer.actor(), view.companyName(), view.companyDomain(), view.repId());
		var name = command.dealName() == null || command.dealName().isBlank()
				? OpportunityCommand.nameOf(view.companyName(), " – partner lead") : command.dealName().strip();
		long opportunityId = this.deals
			.create(viewer,
					new OpportunityCommand(accountId, name, command.amount(), command.currency(), Stage.REGISTERED,
							command.closeDate(), view.repId(), DealSource.PARTNER, view.partnerId(), CreditType.SOURCED,
							this.registrations.rules().shareFor(CreditType.SOURCED)))
			.id();
		return new Opened(opportunityId, accountId);
	}

	/** The deal opened and the account it is on. */
	record Opened(long opportunityId, long accountId) {
	}

}
