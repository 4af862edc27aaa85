package com.trellis.imports;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.trellis.deals.Stage;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Import page: an admin uploads an export's files, sees what a dry run finds (bad
 * rows, stages and owners with their mapping, counts), changes the mapping and checks
 * again, then imports (all rows or none).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ImportPageController {

	static final Map<String, List<String>> FILES = Map.of("SALESFORCE",
			List.of("Account", "User", "Opportunity", "OpportunityHistory", "OpportunityPartner", "Partner"), "HUBSPOT",
			List.of("companies", "deals"));

	private final ImportUploads uploads;

	private final Clock clock;

	private final ImportJobs jobs;

	private final ImportRuns runs;

	private final Users users;

	ImportPageController(ImportUploads uploads, Clock clock, ImportJobs jobs, ImportRuns runs, Users users) {
		this.users = users;
		this.jobs = jobs;
		this.runs = runs;
		this.uploads = uploads;
		this.clock = clock;
	}

	@GetMapping("/imports")
	String page() {
		return "imports/page";
	}

	@PostMapping("/imports")
	String upload(Viewer viewer, @RequestParam String system, @RequestParam Map<String, MultipartFile> files,
			RedirectAttributes redirect) {
		var names = FILES.get(system);
		if (names == null) {
			throw InvalidInputException.of("system", "must be SALESFORCE or HUBSPOT");
		}
		Map<String, ImportFile> texts;
		try {
			texts = ExportParts.read(names, files);
		}
		catch (InvalidInputException ex) {
			// "Opportunity: the file is empty, no header line", or choose at least one
			// file
			redirect.addFlashAttribute("error",
					ex.errors()
						.stream()
						.map(e -> e.field().equals("files") ? "Choose at least one file of the export."
								: e.field() + ": " + e.message())
						.collect(java.util.stream.Collectors.joining("; ")));
			return "redirect:/imports";
		}
		long id = this.uploads.save(system, viewer.userId(), texts, this.clock.instant());
		return "redirect:/imports/" + id + "/runs/" + this.jobs.start(viewer, find(id), Map.of(), true);
	}

	/**
	 * The upload's mapping: its newest check, which the upload started with the suggested
	 * mapping. Opening it starts nothing (try71a: every visit started another check in
	 * the background, and the runs list filled with them); an upload never checked is
	 * checked once here.
	 */
	@GetMapping("/imports/{id}")
	String first(Viewer viewer, @PathVariable long id) {
		var upload = find(id);
		long run = this.runs.newestCheck(id)
			.map(ImportRuns.Run::id)
			.orElseGet(() -> this.jobs.start(viewer, upload, Map.of(), true));
		return "redirect:/imports/" + id + "/runs/" + run;
	}

	/**
	 * Checks the upload again with the admin's mapping, in the background; the page shows
	 * its progress, then what it found.
	 */
	@PostMapping("/imports/{id}/check")
	@ActsOn(ImportChecks.Uploaded.class)
	String check(Viewer viewer, @PathVariable long id, @RequestParam Map<String, String> mapping) {
		return "redirect:/imports/" + id + "/runs/" + this.jobs.start(viewer, find(id), mapping, true);
	}

	/**
	 * Starts the real run in the background and shows its progress; a run with bad rows
	 * writes nothing and shows them.
	 */
	@PostMapping("/imports/{id}/run")
	@ActsOn(ImportChecks.Uploaded.class)
	String importAll(Viewer viewer, @PathVariable long id, @RequestParam Map<String, String> mapping, Model model,
			HttpServletResponse response) {
		var upload = find(id);
		try {
			long run = this.jobs.start(viewer, upload, mapping);
			return "redirect:/imports/" + id + "/runs/" + run;
		}
		catch (ConflictException ex) {
			// another real run holds the turn: say so and link to it (409)
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("uploadId", id);
			model.addAttribute("running", this.runs.running().orElse(null));
			return "imports/busy";
		}
	}

	/** A run's progress; the page polls its status fragment until the run has ended. */
	@GetMapping("/imports/{id}/runs/{run}")
	String run(@PathVariable long id, @PathVariable long run, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response) {
		var found = this.runs.find(run)
			.filter(r -> r.uploadId() == id)
			.orElseThrow(() -> new NotFoundException("Import run", run));
		model.addAttribute("run", found);
		model.addAttribute("uploadId", id);
		if (found.dryRun() && !found.running() && found.report() != null) {
			if (htmx != null) {
				// the check has ended: the whole page shows what it found and the mapping
				response.setHeader("HX-Refresh", "true");
				return "imports/run :: status";
			}
			model.addAttribute("report", found.report());
			return show(find(id), found.mapping(), model);
		}
		return htmx != null ? "imports/run :: status" : "imports/run";
	}

	private String show(ImportUploads.Upload upload, Map<String, String> mapping, Model model) {
		model.addAttribute("upload", upload);
		model.addAttribute("stages", Stage.values());
		model.addAttribute("credits", com.trellis.deals.CreditType.values());
		model.addAttribute("createUnknownOwners", "true".equals(mapping.get("createUnknownOwners")));
		model.addAttribute("currency", mapping.getOrDefault("currency", ""));
		model.addAttribute("owners", mapping);
		// an owner maps to an active account executive, sales manager or PAM, chosen by
		// name and e-mail (the check refuses other roles)
		model.addAttribute("vendorUsers",
				this.users.activeVendorUsers().stream().filter(u -> OwnerMatch.OWNERS.contains(u.role())).toList());
		model.addAttribute("mapping", mapping);
		return "imports/check";
	}

	private ImportUploads.Upload find(long id) {
		return this.uploads.find(id).orElseThrow(() -> new NotFoundException("Import", id));
	}

}
