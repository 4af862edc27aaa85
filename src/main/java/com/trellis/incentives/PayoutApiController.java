package com.trellis.incentives;

import java.util.List;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payout-runs")
@Tag(name = "Incentives", description = "Programs, the earnings ledger, payouts, MDF and badges")
@PreAuthorize("hasRole('ADMIN')")
class PayoutApiController {

	private final PayoutLedger ledger;

	PayoutApiController(PayoutLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/preview")
	@Operation(summary = "What a payout run would pay now, per partner and currency, and what disputes hold back")
	PayoutLedger.Preview preview(Viewer viewer) {
		return this.ledger.preview(viewer);
	}

	@GetMapping
	@Operation(summary = "Past payout runs, the newest first (at most 100)")
	List<PayoutLedger.Run> runs(Viewer viewer) {
		return this.ledger.runs(viewer, 100);
	}

	@GetMapping("/{id}/items")
	@Operation(summary = "What one payout run paid, earning by earning")
	List<PayoutLedger.Item> items(Viewer viewer, @PathVariable long id) {
		return this.ledger.items(viewer, id);
	}

}
