package com.trellis.incentives;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partner's incentive statement as CSV, for whoever may read the statement (vendor
 * staff and the partner's own users; another partner's user gets 404):
 * <ul>
 * <li>{@code /partners/{id}/incentives/ledger.csv}: every ledger entry, newest first, as
 * the statement lists them: what was earned, on which deal and period, the amount in its
 * currency at its minor unit (a reversal negative, naming the entry it reverses) and the
 * payout run that paid it, empty while unpaid;</li>
 * <li>{@code /partners/{id}/incentives/mdf-requests.csv}: every MDF request with its
 * decision, the approved and claimed amounts and the claim deadline.</li>
 * </ul>
 * Moments in UTC (ISO 8601).
 */
@Controller
class IncentiveExports {

	private final Incentives incentives;

	private final MarketDevelopmentFunds mdf;

	IncentiveExports(Incentives incentives, MarketDevelopmentFunds mdf) {
		this.incentives = incentives;
		this.mdf = mdf;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/partners/{id}/incentives/ledger.csv")
	void ledger(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("id", "earned_at", "kind", "program_id", "opportunity_id", "period", "basis", "amount",
				"currency", "reverses_id", "paid_in_run"));
		this.incentives.statement(viewer, id)
			.ledger()
			.forEach(e -> rows.add(Arrays.asList(e.id(), e.earnedAt(), e.kind(), e.programId(), e.opportunityId(),
					e.period(), e.basis(), e.amount(), e.currency(), e.reversesId(), e.paidInRun())));
		CsvExport.writeRows(response, "incentives-" + id + "-ledger.csv", rows);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/partners/{id}/incentives/mdf-requests.csv")
	void mdfRequests(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		var rows = new ArrayList<List<?>>();
		rows.add(List.of("id", "requested_at", "activity", "cost", "currency", "expected_pipeline",
				"partner_investment", "status", "decision_reason", "approved_amount", "claimed", "claim_by"));
		this.mdf.ofPartner(viewer, id)
			.forEach(r -> rows.add(Arrays.asList(r.id(), r.requestedAt(), r.activity(), r.cost(), r.currency(),
					r.expectedPipeline(), r.partnerInvestment(), r.status(), r.decisionReason(), r.approvedAmount(),
					r.claimed(), r.claimBy())));
		CsvExport.writeRows(response, "incentives-" + id + "-mdf-requests.csv", rows);
	}

}
