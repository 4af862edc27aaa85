package com.trellis.roi;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ROI page: a quarter's cost to serve against pipeline, revenue and lift, per tier
 * and partner, with the trend; program admins record spend and set the cost rates there.
 */
@Controller
class RoiPageController {

	/** Partners listed on the page, highest cost first; the CSV has them all. */
	static final int LISTED = 200;

	private final Roi roi;

	private final Commands commands;

	RoiPageController(Roi roi, Commands commands) {
		this.roi = roi;
		this.commands = commands;
	}

	@GetMapping("/roi")
	@PreAuthorize(RoiApiController.READERS)
	String page(Viewer viewer, @RequestParam(required = false) String quarter, Model model) {
		return page(viewer, quarter, model, Map.of(), null, null);
	}

	@GetMapping("/roi/partners.csv")
	@PreAuthorize(RoiApiController.READERS)
	void csv(Viewer viewer, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		RoiCsv.write(this.roi.report(viewer, quarter, null), response);
	}

	@GetMapping("/roi/totals.csv")
	@PreAuthorize(RoiApiController.READERS)
	void totalsCsv(Viewer viewer, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		RoiCsv.writeTotals(this.roi.report(viewer, quarter, null), response);
	}

	@PostMapping("/roi/spend")
	@PreAuthorize("hasRole('ADMIN')")
	String addSpend(Viewer viewer, @Valid @ModelAttribute("spend") SpendCommand command, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("typed", FormErrors.typed(binding));
			return page(viewer, null, model,
					FormErrors.of(binding, FormErrors.checks(() -> this.commands.check(command))), command, null);
		}
		try {
			this.roi.addSpend(viewer, command);
			redirect.addFlashAttribute("notice", "Program spend recorded");
			return "redirect:/roi";
		}
		catch (InvalidInputException ex) {
			return page(viewer, null, model, FormErrors.of(ex), command, null);
		}
	}

	@PostMapping("/roi/cost-rates")
	@PreAuthorize("hasRole('ADMIN')")
	String setRates(Viewer viewer, @Valid @ModelAttribute("rates") CostRates rates, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			model.addAttribute("typed", FormErrors.typed(binding));
			return page(viewer, null, model,
					FormErrors.of(binding, FormErrors.checks(() -> this.commands.check(rates))), null, rates);
		}
		try {
			this.roi.setRates(viewer, rates);
			redirect.addFlashAttribute("notice", "Cost rates saved");
			return "redirect:/roi";
		}
		catch (InvalidInputException ex) {
			return page(viewer, null, model, FormErrors.of(ex), null, rates);
		}
	}

	private String page(Viewer viewer, String quarter, Model model, Map<String, String> errors, SpendCommand spend,
			CostRates rates) {
		var report = this.roi.report(viewer, quarter, null);
		model.addAttribute("report", report);
		model.addAttribute("totals",
				java.util.stream.Stream.concat(java.util.stream.Stream.of(report.total()), report.tiers().stream())
					.toList());
		model.addAttribute("listed", report.partners()
			.stream()
			.sorted(Comparator.comparing(PartnerQuarter::cost).reversed().thenComparing(PartnerQuarter::partnerId))
			.limit(LISTED)
			.toList());
		model.addAttribute("velocity", report.marketplace().stream().limit(LISTED).toList());
		model.addAttribute("admin", viewer.is(Role.ADMIN));
		model.addAttribute("partnerUser", viewer.isPartnerUser());
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		if (!viewer.isPartnerUser()) {
			model.addAttribute("rates", rates != null ? rates : this.roi.rates(viewer));
			model.addAttribute("pullThrough",
					this.roi.pullThrough(viewer, report.quarter()).stream().limit(20).toList());
			model.addAttribute("reinvest", this.roi.reinvest(viewer, report.quarter()).stream().limit(20).toList());
		}
		model.addAttribute("spend", spend);
		model.addAttribute("spent", this.roi.spend(viewer, 20));
		return "roi/page";
	}

}
