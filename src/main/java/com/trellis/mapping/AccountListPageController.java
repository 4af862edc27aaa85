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
