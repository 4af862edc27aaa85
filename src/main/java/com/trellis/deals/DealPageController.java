package com.trellis.deals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.CsvExport;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormFields;
import com.trellis.shared.PageRequest;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DealPageController {

	private final Deals deals;

	private final Partners partners;

	private final Users users;

	private final DealCorrections corrections;

	private final DealHistories histories;

	DealPageController(Deals deals, Partners partners, Users users, DealCorrections corrections,
			DealHistories histories) {
		this.histories = histories;
		this.deals = deals;
		this.partners = partners;
		this.users = users;
		this.corrections = corrections;
	}

	@GetMapping("/opportunities")
	String list(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) Stage stage,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Boolean partnerInvolved, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(defaultValue = "false") boolean embed,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var filter = new DealFilter(q, stage, open, ownerId, partnerId, accountId, partnerInvolved);
		var result = this.deals.search(viewer, filter, PageRequest.listed(page, size != null ? size : embed ? 10 : 25));
		var partnerIds = new ArrayList<Long>();
		var ownerIds = new ArrayList<Long>();
		result.items().forEach(deal -> {
			if (deal.partnerId() != null) {
				partnerIds.add(deal.partnerId());
			}
			ownerIds.add(deal.ownerId());
		});
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("partnerNames", this.partners.names(viewer, partnerIds.stream().distinct().toList()));
		model.addAttribute("owners", this.users.byIds(ownerIds));
		model.addAttribute("stages", Stage.values());
		model.addAttribute("embed", embed);
		return htmx != null ? "deals/list :: results" : "deals/list";
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/opportunities/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) Stage stage,
			@RequestParam(required = false) Boolean open, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Boolean partnerInvolved, HttpServletResponse response) throws IOException {
		var filter = new DealFilter(q, stage, open, ownerId, partnerId, accountId, partnerInvolved);
		// each page's stage histories are read in one query with the page
		var pageHistories = new java.util.HashMap<Long, List<ImportedDeal.Move>>();
		CsvExport.write(response, "opportunities.csv",
				List.of("id", "name", "account_id", "account", "amount", "currency", "stage", "close_date", "owner_id",
						"source", "partner_id", "credit_type", "partner_share", "created_at", "stage_history"),
				page -> {
					var result = this.deals.search(viewer, filter, new PageRequest(page, PageRequest.MAX_SIZE));
					pageHistories.clear();
					pageHistories.putAll(this.histories.of(result.items().stream().map(OpportunityView::id).toList()));
					return result;
				},
				d -> Arrays.asList(d.id(), d.name(), d.accountId(), d.accountName(),
						d.amountUnknown() ? "" : d.amount().toPlainString(), d.currency(), d.stage(), d.closeDate(),
						d.ownerId(), d.source(), d.partnerId(), d.creditType(), d.partnerShare(), d.createdAt(),
						StageHistoryText.write(pageHistories.getOrDefault(d.id(), List.of()))));
	}

	@GetMapping("/opportunities/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var deal = this.deals.get(viewer, id);
		var history = this.deals.stageHistory(viewer, id);
		var corrections = viewer.isPartnerUser() ? List.<Correction>of() : this.corrections.of(viewer, id);
		var people = new ArrayList<Long>();
		people.add(deal.ownerId());
		history.forEach(change -> {
			if (change.changedBy() != null) {
				people.add(change.changedBy());
			}
		});
		corrections.forEach(correction -> {
			if (correction.correctedBy() != null) {
				people.add(correction.correctedBy());
			}
		});
		model.addAttribute("deal", deal);
		model.addAttribute("history", history);
		model.addAttribute("corrections", corrections);
		model.addAttribute("canCorrect", viewer.is(Role.ADMIN) && deal.stage().isClosed());
		model.addAttribute("canEditDeal",
				viewer.is(Role.ADMIN, Role.AE, Role.SALES_MANAGER) && this.deals.canEdit(viewer, deal));
		model.addAttribute("people", this.users.byIds(people));
		model.addAttribute("showCoSell", !viewer.isPartnerUser());
		model.addAttribute("partnerName", deal.partnerId() == null ? null
				: this.partners.names(viewer, List.of(deal.partnerId())).get(deal.partnerId()));
		return "deals/detail";
	}

	@PostMapping("/opportunities/{id}/correction")
	@PreAuthorize("hasRole('ADMIN')")
	String correct(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, "/opportunities/" + id, "Corrected", () -> {
			// an amount that cannot be read is named with the other wrong fields
			var fields = new FormFields();
			var command = new DealCorrection(fields.decimal("amount", amount), currency, reason);
			if (fields.hasErrors()) {
				fields.check(() -> this.corrections.check(viewer, id, command));
			}
			this.corrections.correct(viewer, id, command);
		});
	}

}
