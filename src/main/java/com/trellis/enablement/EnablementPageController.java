package com.trellis.enablement;

import java.io.Serializable;
import java.time.LocalDate;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class EnablementPageController {

	private final Enablement enablement;

	private final Partners partners;

	private final EnablementFigures figures;

	EnablementPageController(Enablement enablement, Partners partners, EnablementFigures figures) {
		this.enablement = enablement;
		this.partners = partners;
		this.figures = figures;
	}

	@GetMapping("/enablement")
	String home(Viewer viewer) {
		return viewer.isPartnerUser() ? "redirect:/partners/" + viewer.partnerId() + "/enablement"
				: "redirect:/enablement/program";
	}

	@GetMapping("/enablement/program")
	@org.springframework.security.access.prepost.PreAuthorize("!hasRole('PARTNER')")
	String program(Viewer viewer, Model model) {
		var rates = this.figures.rates(viewer);
		model.addAttribute("rates", rates.value());
		model.addAttribute("ratesAsOf", rates.asOf());
		return "enablement/program";
	}

	@GetMapping("/partners/{id}/enablement")
	String partner(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("partner", this.partners.get(viewer, id));
		model.addAttribute("enablement", this.enablement.ofPartner(viewer, id));
		model.addAttribute("itemCodes", this.enablement.itemCodes());
		// an admin or the partner's own PAM records its users' completions (another
		// PAM was shown the forms and refused on sending them)
		model.addAttribute("managesPartner", this.partners.manages(viewer, id));
		return "enablement/partner";
	}

	/**
	 * A partner's completions in the Trellis completions format's columns: the file
	 * imports back unchanged (each row is a completion the user has on that day).
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/partners/{id}/enablement/completions.csv")
	void completions(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		com.trellis.shared.CsvExport.writeRows(response, "completions.csv", this.enablement.completionRows(viewer, id));
	}

	@PostMapping("/partners/{id}/enablement")
	@ActsOn(value = EnablementChecks.Recorder.class, from = ActsOn.From.BODY, key = "userId")
	String record(Viewer viewer, @PathVariable long id, @RequestParam long userId,
			@ModelAttribute("completionForm") CompletionForm form, BindingResult binding, RedirectAttributes redirect) {
		this.enablement.requireUserOf(id, userId);
		return FormAction.run(redirect, "/partners/" + id + "/enablement", "Recorded " + form.item(), form, binding,
				() -> {
				}, () -> this.enablement.record(viewer, userId, form.item(), form.completedOn()));
	}

	/**
	 * A completion typed on the page: a date that cannot be read is named on the
	 * enablement page, not on a separate error page, and nothing is recorded.
	 */
	record CompletionForm(String item,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn) implements Serializable {
	}

	/**
	 * The old completions form is retired: a post to it (a bookmarked or open page) is
	 * sent to the Trellis formats page, which checks the file before importing it.
	 */
	@PostMapping("/enablement/import")
	@PreAuthorize("hasRole('ADMIN')")
	String importCsv(RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", "Nothing imported: completions are imported here now, as the "
				+ "enablement completions format (the same columns email, item, completed_on), checked first.");
		return "redirect:/imports/trellis?format=completions";
	}

}
