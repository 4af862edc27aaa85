package com.trellis.roi;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerFilter;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.Commands;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
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
	static final int LISTED = Roi.LISTED;

	/** A program with at most this many partners picks one from a list, else by name. */
	static final int PARTNER_CHOICES = 200;

	/** The query parameters of the cohort table's page and size. */
	static final String COHORT_PAGE = "cohortPage";

	static final String COHORT_SIZE = "cohortSize";

	/**
	 * The query parameters of the pages of the costliest partners' table (of the
	 * {@value #LISTED} costliest) and of the marketplace velocity table.
	 */
	static final String PARTNER_PAGE = "partnerPage";

	static final String PARTNER_SIZE = "partnerSize";

	static final String MARKET_PAGE = "marketPage";

	static final String MARKET_SIZE = "marketSize";

	/** The query parameters of the page of the quarter's spend entries (newest first). */
	static final String SPEND_PAGE = "spendPage";

	static final String SPEND_SIZE = "spendSize";

	private final Roi roi;

	private final ProgramSpend spend;

	private final Partners partners;

	private final Commands commands;

	private final com.trellis.shared.BusinessCalendar calendar;

	RoiPageController(Roi roi, ProgramSpend spend, Partners partners, Commands commands,
			com.trellis.shared.BusinessCalendar calendar) {
		this.calendar = calendar;
		this.roi = roi;
		this.spend = spend;
		this.partners = partners;
		this.commands = commands;
	}

	/**
	 * The page for a quarter (the current one without); the cohort table, the costliest
	 * partners' table (of the {@value #LISTED} costliest) and the marketplace velocity
	 * table each show a page ({@code cohortPage}/{@code cohortSize},
	 * {@code partnerPage}/{@code partnerSize}, {@code marketPage}/{@code marketSize}: 25
	 * rows unless sized; the CSVs have them all), as does the quarter's spend
	 * ({@code spendPage}/{@code spendSize}, newest first). A bad quarter, page or size is
	 * named, all at once (400).
	 */
	@GetMapping("/roi")
	@PreAuthorize(RoiApiController.READERS)
	String page(Viewer viewer, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String cohortPage, @RequestParam(required = false) String cohortSize,
			@RequestParam(required = false) String partnerPage, @RequestParam(required = false) String partnerSize,
			@RequestParam(required = false) String marketPage, @RequestParam(required = false) String marketSize,
			@RequestParam(required = false) String spendPage, @RequestParam(required = false) String spendSize,
			Model model) {
		// taken as text, so that a page or size that is no number is named with the rest
		var read = new PageRequest[4];
		FormErrors
			.checks(() -> this.roi.quarter(quarter),
					() -> read[0] = PageRequest.named(COHORT_PAGE, cohortPage, COHORT_SIZE, cohortSize),
					() -> read[1] = PageRequest.named(PARTNER_PAGE, partnerPage, PARTNER_SIZE, partnerSize),
					() -> read[2] = PageRequest.named(MARKET_PAGE, marketPage, MARKET_SIZE, marketSize),
					() -> read[3] = PageRequest.named(SPEND_PAGE, spendPage, SPEND_SIZE, spendSize))
			.run();
		var pages = new Pages(read[0], read[1], read[2], read[3]);
		return page(viewer, quarter, pages, model, Map.of(), null, null);
	}

	/** The pages of the page's four paged tables. */
	private record Pages(PageRequest cohorts, PageRequest partners, PageRequest market, PageRequest spend) {

		static final Pages FIRST = new Pages(new PageRequest(0, 25), new PageRequest(0, 25), new PageRequest(0, 25),
				new PageRequest(0, 25));

	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/roi/partners.csv")
	@PreAuthorize(RoiApiController.READERS)
	void csv(Viewer viewer, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		RoiCsv.write(this.roi.report(viewer, quarter, null)
			.worded(com.trellis.shared.Reading.locale(this.calendar.locale())), response);
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/roi/totals.csv")
	@PreAuthorize(RoiApiController.READERS)
	void totalsCsv(Viewer viewer, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		RoiCsv.writeTotals(this.roi.report(viewer, quarter, null), response);
	}

	/**
	 * Records spend against the partner picked from the list ({@code partnerId}) or typed
	 * into the search box ({@code partnerName}); every bad field is named in one round
	 * and the form keeps what was typed.
	 */
	@PostMapping("/roi/spend")
	@PreAuthorize("hasRole('ADMIN')")
	String addSpend(Viewer viewer, @ModelAttribute("spend") SpendCommand command, BindingResult binding,
			@RequestParam(required = false) String partnerName, Model model, RedirectAttributes redirect) {
		model.addAttribute("partnerQuery", partnerName);
		var errors = FormErrors.of(binding);
		var named = command;
		try {
			named = SpendPartner.named(this.partners, viewer, command, partnerName);
		}
		catch (InvalidInputException ex) {
			FormErrors.of(ex).forEach(errors::putIfAbsent);
		}
		if (!errors.isEmpty()) {
			model.addAttribute("typed", FormErrors.typed(binding));
			var read = named;
			FormErrors.of(binding, FormErrors.checks(() -> this.spend.check(viewer, read)))
				.forEach(errors::putIfAbsent);
			return page(viewer, null, model, errors, command, null);
		}
		try {
			this.spend.add(viewer, named);
			// the page of the entry's quarter, where the spend table lists it
			var quarter = this.calendar.quarterOf(named.spentOn()).label();
			redirect.addFlashAttribute("notice", "Program spend recorded in " + quarter);
			return "redirect:" + quarterPage(quarter, null, null);
		}
		catch (InvalidInputException ex) {
			return page(viewer, null, model, FormErrors.of(ex), command, null);
		}
	}

	@PostMapping("/roi/spend/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String deleteSpend(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String spendPage, @RequestParam(required = false) String spendSize,
			RedirectAttributes redirect) {
		this.spend.delete(viewer, id);
		redirect.addFlashAttribute("notice", "Program spend deleted");
		// back to the quarter and the page of its spend the form was on (the current
		// quarter, the first page for what it cannot read; the last page when the entry
		// was the only one on its page)
		var label = label(quarter);
		if (label == null && quarter != null && !quarter.isBlank()) {
			return "redirect:/roi";
		}
		PageRequest pages;
		try {
			pages = PageRequest.named(SPEND_PAGE, spendPage, SPEND_SIZE, spendSize);
		}
		catch (InvalidInputException ex) {
			return "redirect:" + quarterPage(label, null, null);
		}
		int page = Math.min(pages.page(), Math.max(0, this.spend.list(viewer, label, pages).totalPages() - 1));
		boolean sized = spendSize != null && !spendSize.isBlank();
		return "redirect:" + quarterPage(label, page > 0 ? page : null, sized ? pages.size() : null);
	}

	/** The label of the quarter a form was on, null for none or one it cannot read. */
	private String label(String quarter) {
		try {
			return quarter == null || quarter.isBlank() ? null : this.calendar.quarter(quarter.trim()).label();
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	/**
	 * The page of a quarter (the current one without), on a page of its spend when
	 * {@code spendPage} is not null, in pages of {@code spendSize} when not null.
	 */
	private static String quarterPage(String label, Integer spendPage, Integer spendSize) {
		return org.springframework.web.util.UriComponentsBuilder.fromPath("/roi")
			.queryParamIfPresent("quarter", java.util.Optional.ofNullable(label))
			.queryParamIfPresent(SPEND_PAGE, java.util.Optional.ofNullable(spendPage))
			.queryParamIfPresent(SPEND_SIZE, java.util.Optional.ofNullable(spendSize))
			.encode()
			.build()
			.toUriString();
	}

	@PostMapping("/roi/cost-rates")
	@PreAuthorize("hasRole('ADMIN')")
	String setRates(Viewer viewer, @Valid @ModelAttribute("rates") CostRates rates, BindingResult binding,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) String version, Model model,
			RedirectAttributes redirect) {
		// shown again as typed, still against the version first read (a newer save made
		// meanwhile is not overwritten by correcting them)
		model.addAttribute("ratesVersion", version);
		if (binding.hasErrors()) {
			model.addAttribute("typed", FormErrors.typed(binding));
			return page(viewer, null, model,
					FormErrors.of(binding, FormErrors.checks(() -> this.commands.check(rates))), null, rates);
		}
		try {
			this.roi.setRates(viewer, rates, FormFields.seenVersionIfSent(version));
			redirect.addFlashAttribute("notice", "Cost rates saved");
		}
		catch (InvalidInputException ex) {
			return page(viewer, null, model, FormErrors.of(ex), null, rates);
		}
		catch (ConflictException ex) {
			// the current rates shown, with why these were not saved
			redirect.addFlashAttribute("error", ex.readable());
		}
		// back to the quarter the form was on (try46), the current one for what it cannot
		// read
		return "redirect:" + quarterPage(label(quarter), null, null);
	}

	private String page(Viewer viewer, String quarter, Model model, Map<String, String> errors, SpendCommand spend,
			CostRates rates) {
		return page(viewer, quarter, Pages.FIRST, model, errors, spend, rates);
	}

	private String page(Viewer viewer, String quarter, Pages pages, Model model, Map<String, String> errors,
			SpendCommand spend, CostRates rates) {
		var figures = this.roi.page(viewer, quarter, pages.cohorts());
		var report = figures.report();
		model.addAttribute("report", report);
		model.addAttribute("figuresAsOf", figures.asOf());
		model.addAttribute("figuresKeptSeconds", this.roi.figuresKept().toSeconds());
		// the quarter's first and last day: a fiscal label such as FY2027-Q1 does not say
		var shown = this.calendar.quarter(report.quarter());
		model.addAttribute("quarterFirst", shown.start());
		model.addAttribute("quarterLast", shown.end().minusDays(1));
		model.addAttribute("totals",
				java.util.stream.Stream.concat(java.util.stream.Stream.of(report.total()), report.tiers().stream())
					.toList());
		model.addAttribute("cohortPage", figures.cohorts());
		var costliest = report.partners()
			.stream()
			.sorted(Comparator.comparing(PartnerQuarter::cost).reversed().thenComparing(PartnerQuarter::partnerId))
			.limit(LISTED)
			.toList();
		model.addAttribute("listed", PageResult.slice(costliest, pages.partners()));
		model.addAttribute("velocity",
				PageResult.slice(report.marketplace().stream().limit(LISTED).toList(), pages.market()));
		model.addAttribute("admin", viewer.is(Role.ADMIN));
		model.addAttribute("partnerUser", viewer.isPartnerUser());
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		if (!viewer.isPartnerUser()) {
			model.addAttribute("rates", rates != null ? rates : this.roi.rates(viewer));
			if (!model.containsAttribute("ratesVersion")) {
				model.addAttribute("ratesVersion", this.roi.ratesVersion());
			}
			model.addAttribute("pullThrough",
					this.roi.pullThrough(viewer, report.quarter()).stream().limit(20).toList());
			model.addAttribute("reinvest", figures.reinvest().stream().limit(Roi.REINVESTED).toList());
		}
		model.addAttribute("spend", spend);
		model.addAttribute("spent", this.spend.list(viewer, report.quarter(), pages.spend()));
		if (viewer.is(Role.ADMIN)) {
			var listed = this.partners.search(viewer, PartnerFilter.none(), new PageRequest(0, PARTNER_CHOICES));
			model.addAttribute("partnerChoices", listed.total() <= PARTNER_CHOICES ? listed.items() : null);
		}
		return "roi/page";
	}

}
