package com.trellis.leads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.trellis.accounts.Accounts;
import com.trellis.deals.CreditType;
import com.trellis.deals.DealSource;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityCommand;
import com.trellis.deals.Stage;
import com.trellis.identity.Viewer;
import com.trellis.matching.CompanyIdentity;
import com.trellis.partners.Partners;
import com.trellis.registration.Registrations;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.stereotype.Component;

/**
 * The checks of a rep's acceptance of a lead and the deal it opens when asked to. Checks,
 * each error naming its field, all at once: the lead's partner is not a prospect nor
 * sunset ({@code partnerId}: it would earn a referral on the deal); a deal needs an
 * amount, its currency and a close date not before today in the business time zone; when
 * the lead's company matches more than one account and none surely, a deal is opened only
 * on the one the person names ({@code accountId}, listing the candidates' ids). The
 * partner-sourced deal is on the lead's matched account (else the account named, else one
 * found or created from the lead's company), owned by the rep, with the sourced share of
 * the rules of engagement. Split from {@link Leads}.
 */
@Component
class LeadAcceptance {

	private final Accounts accounts;

	private final Deals deals;

	private final Registrations registrations;

	private final BusinessCalendar calendar;

	private final Partners partners;

	private final LeadCandidates candidates;

	LeadAcceptance(Accounts accounts, Deals deals, Registrations registrations, BusinessCalendar calendar,
			Partners partners, LeadCandidates candidates) {
		this.partners = partners;
		this.candidates = candidates;
		this.accounts = accounts;
		this.deals = deals;
		this.registrations = registrations;
		this.calendar = calendar;
	}

	/**
	 * Refuses accepting the lead: of a partner kept out, with a deal's details missing or
	 * without a deal to open, or on an account that is not the person's to choose.
	 */
	void check(LeadView lead, AcceptCommand command) {
		var errors = new ArrayList<FieldError>();
		this.partners.lifecycleOf(lead.partnerId())
			.keepsOut("have its leads accepted")
			.ifPresent(why -> errors.add(new FieldError("partnerId", why)));
		try {
			check(command);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		accountFault(lead, command).ifPresent(errors::add);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	/**
	 * The accounts the person chooses among when the lead's company matches more than one
	 * and none surely; empty otherwise.
	 */
	List<Choice> choices(LeadView lead) {
		if (lead.accountId() != null) {
			return List.of();
		}
		var domain = CompanyIdentity.identityDomain(lead.companyDomain());
		var name = CompanyIdentity.normalizedName(lead.companyName());
		return LeadRouting.undecided(domain, name, this.candidates.of(domain, name))
			.stream()
			.map(c -> new Choice(c.accountId(), c.name()))
			.toList();
	}

	private Optional<FieldError> accountFault(LeadView lead, AcceptCommand command) {
		var choices = choices(lead);
		if (choices.isEmpty()) {
			return command.accountId() == null || command.accountId().equals(lead.accountId()) ? Optional.empty()
					: Optional.of(new FieldError("accountId",
							"is only taken when the lead's company matches more than one account"));
		}
		boolean opens = Boolean.TRUE.equals(command.openDeal());
		if (command.accountId() == null ? !opens
				: choices.stream().anyMatch(c -> c.accountId() == command.accountId())) {
			return Optional.empty();
		}
		return Optional.of(new FieldError("accountId",
				"name the account the deal is on: one of "
						+ choices.stream().map(c -> String.valueOf(c.accountId())).collect(Collectors.joining(", "))
						+ " (the lead's company matches each)"));
	}

	/**
	 * Refuses an acceptance that opens a deal without its amount, currency or close date.
	 */
	private void check(AcceptCommand command) {
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
		check(view, command);
		Long accountId = view.accountId() != null ? view.accountId()
				: command.accountId() != null ? command.accountId() : this.accounts.findOrCreateForRegistration(
						viewer.actor(), view.companyName(), view.companyDomain(), view.repId());
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

	/** An account the person may name: its id and name. */
	record Choice(long accountId, String name) {
	}

	/** The deal opened and the account it is on. */
	record Opened(long opportunityId, long accountId) {
	}

}
