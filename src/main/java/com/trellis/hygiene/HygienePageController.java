package com.trellis.hygiene;

import java.io.IOException;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
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
 * The hygiene page: every check with its count; a check's records, paged, with a CSV link
 * and, for the program admin, its one-click fix. A check's page links the other checks
 * without counting them again. The stored checks (duplicate accounts, overlapping
 * registrations) show when the job computed them and, for the program admin, a button
 * that queues a recomputation.
 */
@Controller
class HygienePageController {

	private final Hygiene hygiene;

	HygienePageController(Hygiene hygiene) {
		this.hygiene = hygiene;
	}

	@GetMapping("/hygiene")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'SALES_MANAGER')")
	String page(Viewer viewer, Model model) {
		model.addAttribute("summary", this.hygiene.summary(viewer));
		model.addAttribute("admin", viewer.is(Role.ADMIN));
		model.addAttribute("team", viewer.is(Role.SALES_MANAGER));
		model.addAttribute("stored", this.hygiene.storedResult(viewer, HygieneCheck.DUPLICATE_ACCOUNTS));
		model.addAttribute("storedCheck", HygieneCheck.DUPLICATE_ACCOUNTS);
		return "hygiene/page";
	}

	@GetMapping("/hygiene/{check}")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'SALES_MANAGER')")
	String records(Viewer viewer, @PathVariable HygieneCheck check, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("checks", HygieneCheck.values());
		model.addAttribute("admin", viewer.is(Role.ADMIN));
		model.addAttribute("team", viewer.is(Role.SALES_MANAGER));
		model.addAttribute("check", check);
		model.addAttribute("records",
				this.hygiene.records(viewer, check, PageRequest.of(page, size == null ? 50 : size)));
		model.addAttribute("stored", this.hygiene.storedResult(viewer, check));
		model.addAttribute("storedCheck", check);
		return "hygiene/page";
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/hygiene/{check}/records.csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'SALES_MANAGER')")
	void csv(Viewer viewer, @PathVariable HygieneCheck check, HttpServletResponse response) throws IOException {
		HygieneCsv.write(this.hygiene, viewer, check, response);
	}

	/** Queues a recomputation of a stored check for the job; the page shows it queued. */
	@PostMapping("/hygiene/{check}/recompute")
	@PreAuthorize("hasRole('ADMIN')")
	String recompute(Viewer viewer, @PathVariable HygieneCheck check) {
		this.hygiene.requestRecomputation(viewer, check);
		return "redirect:/hygiene/" + check;
	}

	@PostMapping("/hygiene/{check}/fix")
	@PreAuthorize("hasRole('ADMIN')")
	String fix(Viewer viewer, @PathVariable HygieneCheck check, RedirectAttributes redirect) {
		redirect.addFlashAttribute("fixed", this.hygiene.fix(viewer, check));
		return "redirect:/hygiene/" + check;
	}

}
