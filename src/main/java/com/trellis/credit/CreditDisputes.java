package com.trellis.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.deals.CreditType;
import com.trellis.deals.DealCredit;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.notify.PartnerNotice;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.FreeText;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit module's facade. A dispute is raised by the deal's partner or its rep (or
 * the rep's managers) and decided by the partner's PAM or an admin; an upheld dispute
 * changes the deal's credit, and the partner hears the decision either way.
 */
@Service
public class CreditDisputes {

	private static final String SCOPE = "(CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)";

	private final JdbcClient jdbc;

	private final Deals deals;

	private final DealCredit credit;

	private final Partners partners;

	private final Users users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DisputeNotices notices;

	CreditDisputes(JdbcClient jdbc, Deals deals, DealCredit credit, Partners partners, Users users, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, DisputeNotices notices) {
		this.notices = notices;
		this.jdbc = jdbc;
		this.deals = deals;
		this.credit = credit;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public CreditDispute raise(Viewer viewer, long opportunityId, RaiseDispute command) {
		var deal = this.deals.get(viewer, opportunityId);
		requireRaises(viewer, deal);
		var errors = DisputeRule.check(deal.partnerId(), deal.creditType(), deal.partnerShare(), false, command);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		if (open(opportunityId)) {
			throw new ConflictException("opportunityId", DisputeRule.OPEN);
		}
		long id = this.jdbc.sql("""
				INSERT INTO credit_dispute (opportunity_id, partner_id, raised_by, current_credit_type, current_share,
				    proposed_credit_type, proposed_share, reason, status, raised_at)
				VALUES (:deal, :partner, :by, :currentType, :currentShare, :type, :share, :reason, 'OPEN', :now)
				RETURNING id
				""")
			.param("deal", opportunityId)
			.param("partner", deal.partnerId())
			.param("by", viewer.userId())
			.param("currentType", deal.creditType().name())
			.param("currentShare", deal.partnerShare())
			.param("type", command.proposedCreditType().name())
			.param("share", command.proposedShare())
			.param("reason", command.reason().strip())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		var dispute = find(id).orElseThrow();
		this.audit.record(viewer.actor(), "credit-dispute", id, "raised", null, dispute);
		this.events.publishEvent(new CreditDisputeRaised(id, opportunityId, deal.partnerId()));
		this.notices.raised(viewer.userId(), dispute, deal);
		return dispute;
	}

	/**
	 * Runs the checks of {@link #raise} on a proposal without raising anything (the
	 * deal's state and the fields that could be read), so that a form or a request body
	 * names every bad field at once; refuses a viewer who may not raise it first.
	 */
	@Transactional(readOnly = true)
	public void check(Viewer viewer, long opportunityId, RaiseDispute command) {
		var deal = this.deals.get(viewer, opportunityId);
		requireRaises(viewer, deal);
		var errors = DisputeRule.check(deal.partnerId(), deal.creditType(), deal.partnerShare(),
				deal.partnerId() != null && open(opportunityId), command);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	@Transactional
	public CreditDispute decide(Viewer viewer, long disputeId, boolean uphold, String reason) {
		var dispute = visible(viewer, disputeId);
		requireDecides(viewer, dispute);
		FreeText.required("reason", reason, FreeText.NOTE, "a reason is required for the decision");
		int changed = this.jdbc
			.sql("""
					UPDATE credit_dispute SET status = :status, decided_by = :by, decided_at = :now, decision_reason = :reason
					WHERE id = :id AND status = 'OPEN'
					""")
			.param("status", uphold ? "UPHELD" : "DISMISSED")
			.param("by", viewer.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("reason", reason.strip())
			.param("id", disputeId)
			.update();
		if (changed == 0) {
			throw new ConflictException("status", "the dispute was decided already");
		}
		if (uphold) {
			this.credit.changeCredit(viewer.actor(), dispute.opportunityId(), dispute.proposedCreditType(),
					dispute.proposedShare(), "credit dispute " + disputeId + " upheld: " + reason.strip());
		}
		var decided = find(disputeId).orElseThrow();
		this.audit.record(viewer.actor(), "credit-dispute", disputeId, uphold ? "upheld" : "dismissed", dispute,
				decided);
		this.events
			.publishEvent(new CreditDisputeDecided(disputeId, dispute.opportunityId(), dispute.partnerId(), uphold));
		var credit = uphold ? dispute.proposedCreditType() : dispute.currentCreditType();
		var share = uphold ? dispute.proposedShare() : dispute.currentShare();
		this.events.publishEvent(
				new PartnerNotice("credit-dispute:" + disputeId, dispute.partnerId(),
						"CREDIT_DISPUTE_" + decided.status(), "Credit dispute " + (uphold ? "upheld" : "dismissed"),
						"Your deal's credit is " + credit.label().toLowerCase() + " at " + StoredFigures.percent(share)
								+ ". " + StoredFigures.text(reason.strip()),
						"/opportunities/" + dispute.opportunityId()));
		return decided;
	}

	/** The deal a dispute the viewer may see is about (404 otherwise). */
	@Transactional(readOnly = true)
	public long dealOf(Viewer viewer, long disputeId) {
		return this.jdbc.sql("SELECT opportunity_id FROM credit_dispute WHERE id = :id AND " + SCOPE)
			.param("id", disputeId)
			.param("scopePartner", viewer.scopePartnerId())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Credit dispute", disputeId));
	}

	@Transactional(readOnly = true)
	public List<CreditDispute> ofDeal(Viewer viewer, long opportunityId) {
		this.deals.get(viewer, opportunityId);
		return this.jdbc
			.sql("SELECT * FROM credit_dispute WHERE opportunity_id = :deal AND " + SCOPE
					+ " ORDER BY raised_at DESC, id DESC")
			.param("deal", opportunityId)
			.param("scopePartner", viewer.scopePartnerId())
			.query(CreditDisputes::dispute)
			.list();
	}

	/**
	 * Open disputes the viewer decides, the longest open first: a PAM's over their book,
	 * all for a program admin, none for anyone else.
	 */
	@Transactional(readOnly = true)
	public List<CreditDispute> openToDecide(Viewer viewer, int limit) {
		if (!viewer.is(com.trellis.identity.Role.PAM, com.trellis.identity.Role.ADMIN)) {
			return List.of();
		}
		var book = viewer.is(com.trellis.identity.Role.ADMIN) ? null : this.partners.book(viewer.userId());
		return this.jdbc
			.sql("""
					SELECT * FROM credit_dispute WHERE status = 'OPEN' AND (:all OR partner_id = ANY (CAST(:book AS BIGINT[])))
					ORDER BY raised_at, id LIMIT :limit
					""")
			.param("all", book == null)
			.param("book", com.trellis.shared.SqlIds.array(book == null || book.isEmpty() ? List.of(-1L) : book))
			.param("limit", limit)
			.query(CreditDisputes::dispute)
			.list();
	}

	public boolean canDecide(Viewer viewer, OpportunityView deal) {
		return deal.partnerId() != null && this.partners.manages(viewer, deal.partnerId());
	}

	private boolean open(long opportunityId) {
		return this.jdbc.sql("SELECT count(*) FROM credit_dispute WHERE opportunity_id = :deal AND status = 'OPEN'")
			.param("deal", opportunityId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Refuses a viewer who may not raise a dispute on the deal: 404 when they cannot see
	 * it, 403 unless they are of its partner, its owner or the owner's manager, or a
	 * program admin.
	 */
	@Transactional(readOnly = true)
	public void requireRaises(Viewer viewer, long opportunityId) {
		requireRaises(viewer, this.deals.get(viewer, opportunityId));
	}

	private void requireRaises(Viewer viewer, OpportunityView deal) {
		boolean rep = viewer.is(Role.AE, Role.SALES_MANAGER) && (deal.ownerId() == viewer.userId()
				|| this.users.reportsOf(viewer.userId()).contains(deal.ownerId()));
		if (!(viewer.isPartnerUser() || rep || viewer.is(Role.ADMIN))) {
			throw new AccessDeniedException("Only the deal's partner or its rep raises a credit dispute");
		}
	}

	/**
	 * Refuses a viewer who may not decide the dispute: 404 when they cannot see it, 403
	 * unless they are its partner's PAM or a program admin.
	 */
	@Transactional
	public void requireDecides(Viewer viewer, long disputeId) {
		requireDecides(viewer, visible(viewer, disputeId));
	}

	private void requireDecides(Viewer viewer, CreditDispute dispute) {
		if (!this.partners.manages(viewer, dispute.partnerId())) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin decides a credit dispute");
		}
	}

	private CreditDispute visible(Viewer viewer, long id) {
		return this.jdbc.sql("SELECT * FROM credit_dispute WHERE id = :id AND " + SCOPE + " FOR UPDATE")
			.param("id", id)
			.param("scopePartner", viewer.scopePartnerId())
			.query(CreditDisputes::dispute)
			.optional()
			.orElseThrow(() -> new NotFoundException("Credit dispute", id));
	}

	private java.util.Optional<CreditDispute> find(long id) {
		return this.jdbc.sql("SELECT * FROM credit_dispute WHERE id = :id")
			.param("id", id)
			.query(CreditDisputes::dispute)
			.optional();
	}

	private static CreditDispute dispute(ResultSet rs, int n) throws SQLException {
		var decidedAt = rs.getTimestamp("decided_at");
		return new CreditDispute(rs.getLong("id"), rs.getLong("opportunity_id"), rs.getLong("partner_id"),
				rs.getLong("raised_by"), CreditType.valueOf(rs.getString("current_credit_type")),
				rs.getBigDecimal("current_share"), CreditType.valueOf(rs.getString("proposed_credit_type")),
				rs.getBigDecimal("proposed_share"), rs.getString("reason"),
				DisputeStatus.valueOf(rs.getString("status")), rs.getTimestamp("raised_at").toInstant(),
				rs.getObject("decided_by", Long.class), decidedAt == null ? null : decidedAt.toInstant(),
				rs.getString("decision_reason"));
	}

}
