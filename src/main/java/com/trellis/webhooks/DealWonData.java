package com.trellis.webhooks;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.deals.PartnerOutcomes;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.MinorUnits;

import org.springframework.stereotype.Component;

/**
 * The {@code data} of a {@code deal.won} message: what a receiver needs to act on the win
 * without calling back. Shape (documented in docs/webhooks.md): <pre>
 * {"opportunityId": 12, "partnerId": 3, "won": true,
 *  "deal": {"id": 12, "name": "Fleet planning", "amount": {"value": 48000.00, "currency": "EUR"},
 *           "closeDate": "2026-11-22", "closedAt": "2026-11-22T16:05:00+01:00"},
 *  "account": {"id": 7, "name": "Northwind"},
 *  "partner": {"id": 3, "name": "Bluepeak"},            (null: a deal without a partner)
 *  "owner": {"id": 21, "email": "ae@example.com"},
 *  "credit": {"type": "CO_SELL", "partnerSharePercent": 40.00}}   (null: no partner credit)
 * </pre> The amount is the deal's own (its currency's minor unit, a JSON number written
 * out); {@code closeDate} is the day the deal closed in the program's business time zone
 * and {@code closedAt} the moment, as an ISO offset date-time in that zone. A deal that
 * cannot be read any more (deleted between the close and this message) keeps only the
 * three ids.
 */
@Component
class DealWonData {

	/** The outbox reads deals, partners and users for every receiver alike. */
	private static final Viewer OUTBOX = new Viewer(0, "webhook outbox", Role.ADMIN, null);

	private final PartnerOutcomes outcomes;

	private final Partners partners;

	private final Users users;

	private final Accounts accounts;

	private final BusinessCalendar calendar;

	DealWonData(PartnerOutcomes outcomes, Partners partners, Users users, Accounts accounts,
			BusinessCalendar calendar) {
		this.accounts = accounts;
		this.outcomes = outcomes;
		this.partners = partners;
		this.users = users;
		this.calendar = calendar;
	}

	/** The data of each won deal, in the order given; by one read of each kind. */
	List<Payload> of(Collection<Long> opportunityIds) {
		var found = new HashMap<Long, OpportunityView>();
		this.outcomes.wonDeals(opportunityIds).forEach(deal -> found.put(deal.id(), deal));
		var partnerNames = this.partners.names(OUTBOX,
				found.values().stream().map(OpportunityView::partnerId).filter(id -> id != null).distinct().toList());
		var owners = this.users.byIds(found.values().stream().map(OpportunityView::ownerId).distinct().toList());
		// the won deals' rows carry no account name: read with the accounts' names
		var accountNames = this.accounts
			.names(found.values().stream().map(OpportunityView::accountId).distinct().toList());
		var payloads = new ArrayList<Payload>(opportunityIds.size());
		for (var id : opportunityIds) {
			var deal = found.get(id);
			if (deal == null) {
				payloads.add(new Payload(id, null, true, null, null, null, null, null));
				continue;
			}
			var owner = owners.get(deal.ownerId());
			payloads.add(new Payload(id, deal.partnerId(), true, deal(deal),
					new Named(deal.accountId(), accountNames.get(deal.accountId())),
					deal.partnerId() == null ? null : new Named(deal.partnerId(), partnerNames.get(deal.partnerId())),
					new Owner(deal.ownerId(), owner == null ? null : owner.email()), credit(deal)));
		}
		return payloads;
	}

	private Deal deal(OpportunityView deal) {
		var zone = this.calendar.zone();
		var closedAt = deal.closedAt() == null ? null : deal.closedAt().atZone(zone).toOffsetDateTime();
		var closeDate = closedAt == null ? deal.closeDate() : closedAt.toLocalDate();
		return new Deal(deal.id(), deal.name(), new Amount(deal.amount(), deal.currency()),
				closeDate == null ? null : closeDate.toString(),
				closedAt == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(closedAt));
	}

	private static Credit credit(OpportunityView deal) {
		if (deal.partnerId() == null || deal.creditType() == null) {
			return null;
		}
		return new Credit(deal.creditType().name(), deal.partnerShare());
	}

	/** The message's data; the first three are the ids every deal message has. */
	record Payload(long opportunityId, Long partnerId, boolean won, Deal deal, Named account, Named partner,
			Owner owner, Credit credit) {
	}

	/**
	 * The deal: amount in its own currency, closed on a business day ({@code 2026-11-22})
	 * at a moment with the business time zone's offset
	 * ({@code 2026-11-22T16:05:00+01:00}).
	 */
	record Deal(long id, String name, Amount amount, String closeDate, String closedAt) {
	}

	/** An amount with its ISO 4217 currency, at that currency's minor unit. */
	record Amount(BigDecimal value, String currency) {
		Amount {
			value = MinorUnits.round(value, currency);
		}
	}

	/** A record by id and name. */
	record Named(long id, String name) {
	}

	/** The deal's owner (the vendor's rep). */
	record Owner(long id, String email) {
	}

	/**
	 * The partner's credit: its type and the partner's share in percent (null: all of
	 * it).
	 */
	record Credit(String type, BigDecimal partnerSharePercent) {
	}

}
