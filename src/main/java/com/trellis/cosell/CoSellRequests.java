package com.trellis.cosell;

import java.sql.Timestamp;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The co-sell module's facade. The deal's owner, the owner's managers, a PAM (for a
 * partner in their book) or an admin asks a partner for help on a deal; only that
 * partner's users answer, once. A partner user sees only its own partner's requests.
 */
@Service
public class CoSellRequests {

	private final CoSellRepository requests;

	private final Deals deals;

	private final Partners partners;

	private final AuditLog audit;

	private final Users users;

	private final Commands commands;

	private final java.time.Clock clock;

	private final OverlapSourcedDeals sourced;

	CoSellRequests(CoSellRepository requests, Deals deals, Partners partners, AuditLog audit, Users users,
			Commands commands, java.time.Clock clock, OverlapSourcedDeals sourced) {
		this.sourced = sourced;
		this.users = users;
		this.requests = requests;
		this.deals = deals;
		this.partners = partners;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
	}

	/**
	 * Asks the partner for help on the deal. Who may ask is decided before the command is
	 * validated: the deal first (404, 403), then a PAM's book for the partner named.
	 */
	@Transactional
	public CoSellRequest request(Viewer viewer, long opportunityId, RequestCoSell command) {
		var deal = requireRequests(viewer, opportunityId, command == null ? null : command.partnerId());
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		this.commands.check(command);
		if (this.partners.names(viewer, List.of(command.partnerId())).isEmpty()) {
			throw InvalidInputException.of("partnerId", "no partner with id " + command.partnerId());
		}
		this.partners.get(viewer, command.partnerId()).lifecycleStatus().keepsOut("co-sell").ifPresent(why -> {
			throw InvalidInputException.of("partnerId", why);
		});
		if (deal.stage().isClosed()) {
			throw InvalidInputException.of("opportunityId",
					"the deal is " + deal.stage().label().toLowerCase() + "; ask for help on an open deal");
		}
		if (this.requests.hasOpen(opportunityId, command.partnerId())) {
			throw new ConflictException("partnerId", "this partner has an open co-sell request on this deal already");
		}
		var now = this.clock.instant();
		long id = this.requests.insert(opportunityId, deal.name(), command.partnerId(), viewer.userId(),
				command.ask().strip(), now);
		this.sourced.requested(opportunityId, deal.accountId(), command.partnerId(), viewer.userId(), now);
		var created = this.requests.find(id, null).orElseThrow();
		this.audit.record(viewer.actor(), "cosell-request", id, "requested", null, created);
		return created;
	}

	/**
	 * The partner's answer; only a user of the partner asked answers, and only once.
	 */
	@Transactional
	public CoSellRequest answer(Viewer viewer, long requestId, AnswerCoSell command) {
		var before = requireAnswers(viewer, requestId);
		if (command == null) {
			throw InvalidInputException.of("body", "a request body is required");
		}
		this.commands.check(command);
		if (before.status() != CoSellStatus.OPEN) {
			throw new ConflictException("status", "the request was answered already");
		}
		var note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		var status = Boolean.TRUE.equals(command.accept()) ? CoSellStatus.ACCEPTED : CoSellStatus.DECLINED;
		if (!this.requests.answer(requestId, status, viewer.userId(), note, this.clock.instant())) {
			throw new ConflictException("status", "the request was answered already");
		}
		var after = this.requests.find(requestId, null).orElseThrow();
		this.audit.record(viewer.actor(), "cosell-request", requestId, status.name().toLowerCase(), before, after);
		return after;
	}

	/**
	 * The co-sell requests on a deal the viewer sees, narrowed to a partner user's own.
	 */
	@Transactional(readOnly = true)
	public List<CoSellRequest> ofDeal(Viewer viewer, long opportunityId) {
		this.deals.get(viewer, opportunityId);
		return this.requests.ofDeal(opportunityId, viewer.scopePartnerId());
	}

	/** The account of a deal the viewer sees (404 otherwise). */
	@Transactional(readOnly = true)
	public long accountOf(Viewer viewer, long opportunityId) {
		return this.deals.get(viewer, opportunityId).accountId();
	}

	/**
	 * Each side's list: a partner user its partner's requests, a PAM those to partners in
	 * the book, an account executive or sales manager the ones they or their reports
	 * made, admins and executives all.
	 */
	@Transactional(readOnly = true)
	public PageResult<CoSellRequest> list(Viewer viewer, CoSellStatus status, PageRequest page) {
		if (viewer.is(Role.PAM)) {
			return this.requests.search(null, this.partners.book(viewer.userId()), null, status, page);
		}
		if (viewer.is(Role.AE, Role.SALES_MANAGER)) {
			var team = new java.util.ArrayList<Long>(this.users.reportsOf(viewer.userId()));
			team.add(viewer.userId());
			return this.requests.search(null, null, team, status, page);
		}
		return this.requests.search(viewer.scopePartnerId(), null, null, status, page);
	}

	/**
	 * When the partner was first asked for co-sell help (by anyone, on any deal) on or
	 * after a moment, or null: the outcome an introduction to account executives aims at.
	 */
	@Transactional(readOnly = true)
	public java.time.Instant firstRequestedAt(long partnerId, java.time.Instant since) {
		return this.requests.firstRequestedAt(partnerId, since);
	}

	/**
	 * When the partner was first asked for co-sell help on this deal on or after a
	 * moment, or null: with the partner's attachment, the outcome of a partner fit.
	 */
	@Transactional(readOnly = true)
	public java.time.Instant firstRequestedOnDealAt(long partnerId, long opportunityId, java.time.Instant since) {
		return this.requests.firstRequestedOnDealAt(partnerId, opportunityId, since);
	}

	/**
	 * Refuses a viewer who may not ask for co-sell help on the deal: 404 when they cannot
	 * see it, 403 unless they may change it (its owner, the owner's managers, an admin)
	 * or are a PAM; a PAM asks only partners of their book (an unknown partner passes:
	 * validation names it).
	 */
	@Transactional(readOnly = true)
	public OpportunityView requireRequests(Viewer viewer, long opportunityId, Long partnerId) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("A partner answers co-sell requests; the field asks them");
		}
		var deal = this.deals.get(viewer, opportunityId);
		if (!(viewer.is(Role.PAM) || this.deals.canEdit(viewer, deal))) {
			throw new AccessDeniedException(
					"Only the deal's owner, their managers, a PAM or an admin asks a partner for help on it");
		}
		if (partnerId != null && viewer.is(Role.PAM)) {
			this.partners.requireActsFor(viewer, partnerId);
		}
		return deal;
	}

	/**
	 * Refuses a viewer who may not answer the request: 404 unless it is addressed to
	 * their partner (or they are vendor staff), 403 for vendor staff.
	 */
	@Transactional(readOnly = true)
	public CoSellRequest requireAnswers(Viewer viewer, long requestId) {
		var request = visible(viewer, requestId);
		if (!viewer.isPartnerUser()) {
			throw new AccessDeniedException("Only the partner asked answers a co-sell request");
		}
		return request;
	}

	private CoSellRequest visible(Viewer viewer, long id) {
		return this.requests.find(id, viewer.scopePartnerId())
			.orElseThrow(() -> new NotFoundException("Co-sell request", id));
	}

}
