package com.trellis.incentives;

import java.io.IOException;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.CsvExport;
import com.trellis.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's payouts page: the preview of what a run would pay (totals per currency and
 * partner, what disputes hold back), the run confirmed against that preview, past runs
 * with their items and a CSV of each run for finance.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PayoutPageController {

	private final PayoutLedger ledger;

	private final PayoutRuns payouts;

	private final com.trellis.shared.Figures figures;

	PayoutPageController(PayoutLedger ledger, PayoutRuns payouts, com.trellis.shared.Figures figures) {
		this.ledger = ledger;
		this.payouts = payouts;
		this.figures = figures;
	}

	@GetMapping("/incentives/payouts")
	String page(Viewer viewer, Model model) {
		model.addAttribute("preview", this.ledger.preview(viewer));
		model.addAttribute("runs", this.ledger.runs(viewer, 50));
		return "incentives/payouts";
	}

	@PostMapping("/incentives/payout")
	String payout(Viewer viewer, @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
		try {
			var result = this.payouts.run(viewer, confirm);
			redirect.addFlashAttribute("notice",
					"Payout run " + result.runId() + " paid " + result.itemsPaid() + " earnings");
			return "redirect:/incentives/payouts/" + result.runId();
		}
		catch (PayoutRuns.InProgress ex) {
			// the lease's end in the reader's zone, not as a UTC instant
			redirect.addFlashAttribute("error", ex.words(this.figures::moment));
		}
		catch (PayoutRuns.NothingToPay ex) {
			redirect.addFlashAttribute("errorKey", "payouts.nothing");
		}
		catch (ConflictException ex) {
			// the preview the admin confirmed is out of date: said in words, not as a
			// field
			redirect.addFlashAttribute("errorKey", "payouts.changed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKey", "payouts.unconfirmed");
		}
		return "redirect:/incentives/payouts";
	}

	@GetMapping("/incentives/payouts/{id}")
	String run(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("items", this.ledger.items(viewer, id));
		model.addAttribute("run",
				this.ledger.runs(viewer, Integer.MAX_VALUE)
					.stream()
					.filter(r -> r.id() == id)
					.findFirst()
					.orElseThrow());
		return "incentives/payout-run";
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/incentives/payouts/{id}.csv")
	void csv(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		var items = this.ledger.items(viewer, id);
		CsvExport.write(response, "payout-run-" + id + ".csv",
				List.of("run", "partner_id", "partner", "earning_id", "kind", "opportunity_id", "basis", "amount",
						"currency", "paid_at"),
				page -> new com.trellis.shared.PageResult<>(page == 0 ? items : List.of(), page, items.size() + 1,
						items.size()),
				i -> List.of(id, i.partnerId(), i.partnerName(), i.earningId(), i.kind(),
						i.opportunityId() == null ? "" : i.opportunityId(), i.basis(), i.amount().toPlainString(),
						i.currency(), i.paidAt().toString()));
	}

}
