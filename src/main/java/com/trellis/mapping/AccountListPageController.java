package com.trellis.mapping;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.Plural;
import com.trellis.shared.TextUpload;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account mapping pages: the partner (or its PAM, or an admin) uploads the partner's list
 * and sees each bad row and column; the PAM's overlap matrix with drillable cells and the
 * possible matches to confirm or reject. Who may see is decided by the facades first.
 */
@Controller
class AccountListPageController {

	private final PartnerAccountLists lists;

	private final Overlaps overlaps;

	private final PossibleMatches possibles;

	private final Partners partners;

	AccountListPageController(PartnerAccountLists lists, Overlaps overlaps, PossibleMatches possibles,
			Partners partners) {
		this.lists = lists;
		this.overlaps = overlaps;
		this.possibles = possibles;
		this.partners = partners;
	}

	@GetMapping("/partners/{id}/account-list")
	String list(Viewer viewer, @PathVariable long id, Model model) {
		var history = this.lists.history(viewer, id);
		var rows = this.lists.current(viewer, id);
		model.addAttribute("partnerId", id);
		model.addAttribute("partnerName", this.partners.names(viewer, List.of(id)).get(id));
		model.addAttribute("history", history);
		model.addAttribute("rows", rows.subList(0, Math.min(rows.size(), 500)));
		model.addAttribute("rowCount", rows.size());
		model.addAttribute("vendor", !viewer.isPartnerUser());
		return "mapping/account-list";
	}

	@PostMapping("/partners/{id}/account-list")
	@ActsOn(MappingChecks.OwnsList.class)
	String upload(Viewer viewer, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		var target = "/partners/" + id + "/account-list";
		try {
			var text = text(file);
			var done = this.lists.upload(viewer, id, text);
			redirect.addFlashAttribute("notice", "Uploaded " + Plural.of(done.rowCount(), "row") + "; "
					+ (done.rowCount() == 1 ? "it replaces" : "they replace") + " the last list");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", "Nothing was uploaded: the file has errors");
			redirect.addFlashAttribute("uploadErrors", ex.errors());
		}
		return "redirect:" + target;
	}

	/**
	 * The partner's current account list, every row (the page shows the first 500), as
	 * CSV in the upload's own columns, so the file can be corrected and uploaded again;
	 * whoever may see the list may export it.
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/partners/{id}/account-list/export.csv")
	void exportList(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		var rows = new java.util.ArrayList<List<?>>();
		rows.add(AccountListFile.KNOWN);
		this.lists.current(viewer, id)
			.forEach(r -> rows.add(java.util.Arrays.asList(r.companyName(), r.webDomain(), r.country(),
					r.status().toLowerCase(java.util.Locale.ROOT), r.crmId())));
		com.trellis.shared.CsvExport.writeRows(response, "account-list-" + id + ".csv", rows);
	}

	/**
	 * The overlap records of one cell of the matrix ({@code cell}, as on the page; every
	 * overlap when not given) as CSV, for the partner's PAM and admins: each company of
	 * the partner's list with its status, the vendor's account, the owner to introduce
	 * and the account's open pipeline in its currency at its minor unit (deals without an
	 * amount counted beside it).
	 */
	@GetMapping("/partners/{id}/overlaps/export.csv")
	void exportOverlaps(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String cell,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		var rows = new java.util.ArrayList<List<?>>();
		rows.add(List.of("row", "company_name", "their_status", "account_id", "account", "owner_id", "owner",
				"owner_email", "open_pipeline", "currency", "deals_without_amount"));
		this.overlaps.records(viewer, id, cell == null || cell.isBlank() ? Overlaps.ALL : cell)
			.forEach(r -> rows.add(java.util.Arrays.asList(r.rowNumber(), r.companyName(), r.partnerStatus(),
					r.accountId(), r.accountName(), r.ownerId(), r.ownerName(), r.ownerEmail(), r.openPipeline(),
					r.currency(), r.amountUnknownDeals())));
		com.trellis.shared.CsvExport.writeRows(response, "overlaps-" + id + ".csv", rows);
	}

	@GetMapping("/partners/{id}/overlaps")
	String matrix(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String cell, Model model) {
		var matrix = this.overlaps.matrix(viewer, id);
		model.addAttribute("partnerId", id);
		model.addAttribute("partnerName", this.partners.names(viewer, List.of(id)).get(id));
		model.addAttribute("matrix", matrix);
		var chosen = cell == null || cell.isBlank() ? Overlaps.ALL : cell;
		model.addAttribute("cell", chosen);
		model.addAttribute("records", this.overlaps.records(viewer, id, chosen));
		return "mapping/overlaps";
	}

	@PostMapping("/partners/{id}/account-list/rows/{row}/answer")
	@ActsOn(MappingChecks.ManagesOverlaps.class)
	String answer(Viewer viewer, @PathVariable long id, @PathVariable long row,
			@RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/partners/" + id + "/overlaps?cell=POSSIBLE",
				"true".equals(confirmed) ? "Match confirmed" : "Match rejected",
				() -> this.possibles.answer(viewer, id, row, confirmed));
	}

	private static String text(MultipartFile file) {
		var text = TextUpload.text("file", file);
		if (text == null) {
			throw InvalidInputException.of("file", "choose a CSV file to upload");
		}
		return text;
	}

}
