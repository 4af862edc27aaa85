package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Incentives", description = "Programs, the earnings ledger, payouts, MDF and badges")
class IncentiveApiController {

	private final Incentives incentives;

	private final PayoutRuns payouts;

	private final MarketDevelopmentFunds mdf;

	IncentiveApiController(Incentives incentives, PayoutRuns payouts, MarketDevelopmentFunds mdf) {
		this.incentives = incentives;
		this.payouts = payouts;
		this.mdf = mdf;
	}

	@GetMapping("/incentive-programs")
	@PreAuthorize("!hasRole('PARTNER')")
	List<Program> programs() {
		return this.incentives.programs();
	}

	@PostMapping("/incentive-programs")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMIN')")
	Program create(Viewer viewer, @RequestBody ProgramCommand command) {
		return this.incentives.createProgram(viewer, command, true);
	}

	@PostMapping("/incentives/quarters/{day}/close")
	@PreAuthorize("hasRole('ADMIN')")
	Map<String, Integer> closeQuarter(@PathVariable LocalDate day) {
		return Map.of("earnings", this.incentives.closeQuarter(day));
	}

	@PostMapping("/payout-runs")
	@PreAuthorize("hasRole('ADMIN')")
	@io.swagger.v3.oas.annotations.Operation(summary = "Pay every unpaid earning not held by a credit dispute",
			description = "Confirmed with {\"confirm\": fingerprint} from GET /api/v1/payout-runs/preview: without one "
					+ "(no body, or no fingerprint) 400 naming confirm and nothing is paid; refused (409) when what "
					+ "would be paid changed since that preview.")
	PayoutRuns.Result payout(Viewer viewer, @RequestBody(required = false) Confirm confirm) {
		return this.payouts.run(viewer, confirm == null ? null : confirm.confirm());
	}

	/** The preview's fingerprint, which the run must still match. */
	record Confirm(@io.swagger.v3.oas.annotations.media.Schema(
			requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED,
			description = "fingerprint from GET /api/v1/payout-runs/preview") String confirm) {
	}

	@GetMapping("/incentives/cost-per-partner")
	@PreAuthorize("!hasRole('PARTNER')")
	List<ProgramCost> cost(Viewer viewer) {
		return this.incentives.costPerPartner(viewer);
	}

	@GetMapping("/partners/{id}/incentives")
	Incentives.Statement statement(Viewer viewer, @PathVariable long id) {
		return this.incentives.statement(viewer, id);
	}

	@GetMapping("/partners/{id}/mdf-requests")
	List<MdfRequest> mdfRequests(Viewer viewer, @PathVariable long id) {
		return this.mdf.ofPartner(viewer, id);
	}

	@PostMapping("/partners/{id}/mdf-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PARTNER', 'PAM', 'ADMIN')")
	@ActsOn(PartnerChecks.ActedFor.class)
	MdfRequest request(Viewer viewer, @PathVariable long id, @Valid @RequestBody MdfCommand command) {
		return this.mdf.request(viewer, id, command);
	}

	@PostMapping("/mdf-requests/{id}/decision")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(MdfChecks.Decided.class)
	MdfRequest decide(Viewer viewer, @PathVariable long id, @RequestBody Decision decision) {
		return this.mdf.decide(viewer, id, decision.approve(), decision.approvedAmount(), decision.reason());
	}

	/**
	 * A claim against an approved MDF request: a new claim and its reimbursement in the
	 * partner's ledger, answered 201 with the request and its claims. It takes an
	 * {@code Idempotency-Key}, so a client sending it again after a lost answer claims
	 * once.
	 */
	@PostMapping("/mdf-requests/{id}/claims")
	@ResponseStatus(HttpStatus.CREATED)
	@ActsOn(MdfChecks.Claimed.class)
	MdfRequest claim(Viewer viewer, @PathVariable long id, @RequestBody Claim claim) {
		return this.mdf.claim(viewer, id, claim.amount(), claim.proof());
	}

	record Decision(boolean approve, BigDecimal approvedAmount, String reason) {
	}

	record Claim(BigDecimal amount, String proof) {
	}

}
