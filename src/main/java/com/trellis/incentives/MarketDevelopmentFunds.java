package com.trellis.incentives;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.ValueLimits;
import com.trellis.shared.MoneyFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MDF: requested by the partner, approved or declined by its PAM within the fund, and
 * claimed against proof. A claim never exceeds the approved amount or the fund; each
 * claim becomes a payable reimbursement in the ledger.
 */
@Service
public class MarketDevelopmentFunds {

	private final JdbcClient jdbc;

	private final LedgerRepository ledger;

	private final Partners partners;

	private final AuditLog audit;

	private final Clock clock;

	private final MdfInput input;

	private final MdfFundBook fund;

	private final MdfNotices notices;

	private final MdfRequestReads reads;

	private final BusinessCalendar calendar;

	private final int claimDays;

	/**
	 * @param claimDays {@code trellis.incentives.mdf-claim-days}: an approval's claim
	 * deadline is its business day plus this many days (1–730)
	 */
	MarketDevelopmentFunds(JdbcClient jdbc, LedgerRepository ledger, Partners partners, AuditLog audit, Clock clock,
			ValueLimits limits, MdfFundBook fund, MdfNotices notices, MdfRequestReads reads, BusinessCalendar calendar,
			@Value("${trellis.incentives.mdf-claim-days:90}") int claimDays) {
		if (claimDays < 1 || claimDays > 730) {
			throw new IllegalArgumentException(
					"trellis.incentives.mdf-claim-days must be 1 to 730 days, not " + claimDays);
		}
		this.calendar = calendar;
		this.claimDays = claimDays;
		this.reads = reads;
		this.fund = fund;
		this.notices = notices;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
		this.input = new MdfInput(limits);
	}

	@Transactional
	public MdfRequest request(Viewer viewer, long partnerId, MdfCommand command) {
		var partner = this.partners.get(viewer, partnerId);
		if (!viewer.is(Role.PARTNER, Role.ADMIN, Role.PAM)) {
			throw new AccessDeniedException("The partner, its PAM or an admin requests MDF");
		}
		this.partners.requireActsFor(viewer, partnerId);
		partner.lifecycleStatus().keepsOut("request MDF").ifPresent(why -> {
			throw InvalidInputException.of("partnerId", why);
		});
		long id = this.jdbc
			.sql("""
					INSERT INTO mdf_request (partner_id, activity, cost, currency, expected_pipeline, partner_investment,
					    status, requested_by, requested_at)
					VALUES (:partner, :activity, :cost, :currency, :pipeline, :investment, 'REQUESTED', :by, :now) RETURNING id
					""")
			.param("partner", partnerId)
			.param("activity", command.activity().strip())
			.param("cost", command.cost())
			.param("currency", command.currency())
			.param("pipeline", command.expectedPipeline())
			.param("investment", command.partnerInvestment())
			.param("by", viewer.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		var created = find(viewer, id);
		this.audit.record(viewer.actor(), "mdf-request", id, "requested", null, created);
		this.notices.requested(viewer.userId(), created);
		return created;
	}

	@Transactional
	public MdfRequest decide(Viewer viewer, long requestId, boolean approve, BigDecimal amount, String reason) {
		var request = lock(viewer, requestId);
		requireDecides(viewer, request);
		// bad input is refused as such (400) in one round, whatever the state; a request
		// decided already is a conflict (409)
		this.input.decision(request, approve, amount, reason);
		if (approve) {
			// approvals hold their amount until it is claimed: two approvals together may
			// not promise more than the fund has (try54)
			var free = this.fund.free(request.partnerId(), request.currency(), requestId)
				.orElseThrow(() -> InvalidInputException.of("approvedAmount",
						"no exchange rate to compare the approval with the partner's fund"));
			if (amount.compareTo(free.amount()) > 0) {
				throw InvalidInputException.of("approvedAmount",
						"cannot exceed what is free in the partner's fund: " + free.described());
			}
		}
		this.jdbc.sql("""
				UPDATE mdf_request SET status = :status, approved_amount = :amount, decided_by = :by, decided_at = :now,
				    decision_reason = :reason, claim_by = :claimBy WHERE id = :id
				""")
			.param("status", approve ? "APPROVED" : "DECLINED")
			.param("claimBy", approve ? this.calendar.today().plusDays(this.claimDays) : null)
			.param("amount", approve ? amount : null)
			.param("by", viewer.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("reason", reason == null || reason.isBlank() ? null : reason.strip())
			.param("id", requestId)
			.update();
		var decided = find(viewer, requestId);
		this.audit.record(viewer.actor(), "mdf-request", requestId, approve ? "approved" : "declined", request,
				decided);
		return decided;
	}

	@Transactional
	public MdfRequest claim(Viewer viewer, long requestId, BigDecimal amount, String proof) {
		var request = lock(viewer, requestId);
		requireClaims(viewer);
		// a claim's own bad input is refused as such (400), in one round; a request not
		// approved (still awaiting its decision, or declined) is a conflict with its
		// state
		// (409)
		this.input.claim(request, amount, proof);
		var left = request.approvedAmount().subtract(request.claimed());
		if (amount.compareTo(left) > 0) {
			throw InvalidInputException.of("amount",
					"the claim of " + MoneyFormat.of(amount, request.currency())
							+ " exceeds what is left of the approved amount ("
							+ MoneyFormat.of(left, request.currency()) + ")");
		}
		var fund = this.fund.leftIn(request.partnerId(), request.currency(), "amount");
		if (amount.compareTo(fund) > 0) {
			throw InvalidInputException.of("amount",
					"the claim exceeds the partner's fund of " + MoneyFormat.of(fund, request.currency()));
		}
		var drawn = this.fund.claimed(request.partnerId(), amount, request.currency(), "amount");
		long claimId = this.jdbc.sql("""
				INSERT INTO mdf_claim (request_id, amount, proof, claimed_by, claimed_at, fund_currency, fund_amount,
				    fund_rate, converted_on)
				VALUES (:request, :amount, :proof, :by, :now, :fundCurrency, :fundAmount, :rate, :on) RETURNING id
				""")
			.param("request", requestId)
			.param("fundCurrency", drawn.currency())
			.param("fundAmount", drawn.amount())
			.param("rate", drawn.rate())
			.param("on", drawn.on())
			.param("amount", amount)
			.param("proof", proof.strip())
			.param("by", viewer.userId())
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		var program = this.ledger.programs()
			.stream()
			.filter(p -> p.kind() == ProgramKind.MDF)
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("requestId", "no MDF program exists"));
		this.ledger.earn(request.partnerId(), program, "MDF_REIMBURSEMENT", new Earned("claim:" + claimId, null, null,
				amount, request.currency(), "MDF reimbursement for: " + request.activity()), this.clock.instant());
		var after = find(viewer, requestId);
		this.audit.record(viewer.actor(), "mdf-request", requestId,
				"claimed " + MoneyFormat.of(amount, request.currency()), request, after);
		return after;
	}

	@Transactional(readOnly = true)
	public List<MdfRequest> ofPartner(Viewer viewer, long partnerId) {
		this.partners.get(viewer, partnerId);
		return this.reads.ofPartner(partnerId);
	}

	/**
	 * MDF requests the viewer decides, the oldest first: a PAM's over their book, all for
	 * a program admin, none for anyone else.
	 */
	@Transactional(readOnly = true)
	public List<MdfRequest> toDecide(Viewer viewer, int limit) {
		if (!viewer.is(Role.PAM, Role.ADMIN)) {
			return List.of();
		}
		return this.reads.awaitingDecision(viewer.is(Role.ADMIN) ? null : this.partners.book(viewer.userId()), limit);
	}

	/**
	 * The checks of a decision that change nothing, for a page form that could not be
	 * read whole: who may decide, then the decision's input and the request's state
	 * ({@link MdfInput#decision}).
	 */
	@Transactional(readOnly = true)
	public void checkDecision(Viewer viewer, long requestId, boolean approve, BigDecimal amount, String reason) {
		var request = find(viewer, requestId);
		requireDecides(viewer, request);
		this.input.decision(request, approve, amount, reason);
	}

	/**
	 * The checks of a claim that change nothing, for a page form that could not be read
	 * whole: who may claim, then the claim's input and the request's state
	 * ({@link MdfInput#claim}).
	 */
	@Transactional(readOnly = true)
	public void checkClaim(Viewer viewer, long requestId, BigDecimal amount, String proof) {
		var request = find(viewer, requestId);
		requireClaims(viewer);
		this.input.claim(request, amount, proof);
	}

	/**
	 * Refuses a viewer who may not decide the MDF request: 404 when they cannot see it,
	 * 403 unless they are its partner's PAM or a program admin.
	 */
	@Transactional(readOnly = true)
	public void requireDecides(Viewer viewer, long requestId) {
		requireDecides(viewer, find(viewer, requestId));
	}

	private void requireDecides(Viewer viewer, MdfRequest request) {
		if (!this.partners.manages(viewer, request.partnerId())) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin decides MDF");
		}
	}

	/**
	 * Refuses a viewer who may not claim against the MDF request: 404 when they cannot
	 * see it, 403 unless they are of its partner or a program admin.
	 */
	@Transactional(readOnly = true)
	public void requireClaims(Viewer viewer, long requestId) {
		find(viewer, requestId);
		requireClaims(viewer);
	}

	/**
	 * Refuses, as not found (404), an MDF request named under a partner it is not of, or
	 * one the viewer cannot see.
	 */
	@Transactional(readOnly = true)
	public void requireOfPartner(Viewer viewer, long partnerId, long requestId) {
		if (find(viewer, requestId).partnerId() != partnerId) {
			throw new com.trellis.shared.NotFoundException("MDF request", requestId);
		}
	}

	private static void requireClaims(Viewer viewer) {
		if (!(viewer.isPartnerUser() || viewer.is(Role.ADMIN))) {
			throw new AccessDeniedException("The partner claims MDF");
		}
	}

	private MdfRequest lock(Viewer viewer, long requestId) {
		var request = find(viewer, requestId);
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('mdf:' || :partner, 0))")
			.param("partner", request.partnerId())
			.query((rs, n) -> 1)
			.list();
		return find(viewer, requestId);
	}

	private MdfRequest find(Viewer viewer, long id) {
		return this.reads.find(viewer, id);
	}

}
