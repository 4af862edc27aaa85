package com.trellis.imports;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CRM exports imported with their history (program admins)")
class ImportApiController {

	private final CrmImport imports;

	private final ImportUploads uploads;

	private final ImportJobs jobs;

	private final ImportRuns runs;

	private final Clock clock;

	ImportApiController(CrmImport imports, ImportUploads uploads, ImportJobs jobs, ImportRuns runs, Clock clock) {
		this.imports = imports;
		this.uploads = uploads;
		this.jobs = jobs;
		this.runs = runs;
		this.clock = clock;
	}

	/**
	 * Starts the real run of the uploaded files in the background (large exports): 202
	 * with the run, whose status {@code GET /api/v1/imports/runs/{id}} shows.
	 */
	@PostMapping("/{system}/runs")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Import or check an export in the background (large files): answers 202 with the run",
			description = "The files and mapping parameters as for the synchronous endpoints (system salesforce or "
					+ "hubspot); dryRun=true checks (writes nothing, the report lists every bad row and the counts), "
					+ "dryRun=false (the default here) imports. "
					+ "The run reads, validates and writes every row in one transaction, all or nothing; "
					+ "GET /api/v1/imports/runs/{id} shows its phase, rowsRead and rowsValidated (rows of the files: "
					+ "rowsValidated reaches rowsRead), rowsApplied (records written: accounts, partners, deals and "
					+ "stage changes, so it may exceed rowsRead: a HubSpot deal row carries its stage changes), "
					+ "and at the end its report or errors. One run at a time (409 while another runs).")
	ResponseEntity<ImportRuns.Run> background(Viewer viewer, @PathVariable String system,
			@RequestParam Map<String, MultipartFile> files, @RequestParam Map<String, String> parameters,
			HttpServletRequest request) {
		// the path names what is imported before the body is read (try51: a system that
		// is
		// none was told to send multipart)
		var names = ImportPageController.FILES.get(system.toUpperCase(java.util.Locale.ROOT));
		if (names == null) {
			throw InvalidInputException.of("system", "must be salesforce or hubspot");
		}
		requireMultipart(request);
		ImportRequest.requireKnown(parameters, names);
		ImportRequest.mapping(parameters);
		var dryRun = parameters.getOrDefault("dryRun", "false");
		if (!dryRun.equals("true") && !dryRun.equals("false")) {
			throw InvalidInputException.of("dryRun", "must be true or false");
		}
		var kept = ExportParts.read(names, files);
		long upload = this.uploads.save(system.toUpperCase(java.util.Locale.ROOT), viewer.userId(), kept,
				this.clock.instant());
		long id = this.jobs.start(viewer, this.uploads.find(upload).orElseThrow(), parameters, dryRun.equals("true"));
		return ResponseEntity.accepted()
			.location(java.net.URI.create("/api/v1/imports/runs/" + id))
			.body(this.runs.find(id).orElseThrow());
	}

	@GetMapping("/runs/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "An import run: status, phase, rows read, validated and written, report or errors")
	ImportRuns.Run run(@PathVariable long id) {
		return this.runs.find(id).orElseThrow(() -> new NotFoundException("Import run", id));
	}

	@GetMapping("/runs")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "The latest import runs, newest first")
	List<ImportRuns.Run> runs() {
		return this.runs.latest(20);
	}

	@PostMapping("/salesforce")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(
			summary = "Import a Salesforce data export: files Account, User, Opportunity, OpportunityHistory, OpportunityPartner, Partner",
			description = "A dry run (the default) reports every bad row, the stage and owner mapping and the counts to "
					+ "create, update and leave unchanged, and writes nothing. A part of another name, a file with no bytes or no "
					+ "file at all answers 400 naming the part. dryRun=false writes all rows in one "
					+ "transaction, or nothing: any bad row answers 400 naming each row and column. Mapping parameters: "
					+ "stage.<source stage>=<Trellis stage>, owner.<e-mail>=<user id>, createUnknownOwners=true, "
					+ "currency=<ISO code for deals without CurrencyIsoCode>, credit.<partner role>=<SOURCED, INFLUENCED or "
					+ "CO_SELL>, partnerPam=<user id of the PAM of partners whose owner is no PAM>. See docs/import.md.")
	ImportReport salesforce(Viewer viewer, @RequestParam(name = "Account", required = false) MultipartFile account,
			@RequestParam(name = "User", required = false) MultipartFile user,
			@RequestParam(name = "Opportunity", required = false) MultipartFile opportunity,
			@RequestParam(name = "OpportunityHistory", required = false) MultipartFile history,
			@RequestParam(name = "OpportunityPartner", required = false) MultipartFile opportunityPartner,
			@RequestParam(name = "Partner", required = false) MultipartFile partner,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam Map<String, String> parameters,
			@RequestParam Map<String, MultipartFile> parts, HttpServletRequest request) {
		requireMultipart(request);
		ImportRequest.requireKnown(parameters, ImportPageController.FILES.get("SALESFORCE"));
		// the named parameters document the parts; all parts sent are checked by name
		var sent = ExportParts.read(ImportPageController.FILES.get("SALESFORCE"), parts);
		var files = new SalesforceExport.Files(sent.get("Account"), sent.get("User"), sent.get("Opportunity"),
				sent.get("OpportunityHistory"), sent.get("OpportunityPartner"), sent.get("Partner"));
		return this.imports.run(viewer, "SALESFORCE", files, ImportRequest.mapping(parameters), dryRun);
	}

	@PostMapping("/hubspot")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Import HubSpot exports: files companies and deals",
			description = "Columns by their export label or internal name, any case (Record ID/hs_object_id, "
					+ "Company Domain Name/domain, Deal Stage/dealstage, Close Date/closedate, Associated Company IDs, "
					+ "Amount, Currency, Owner email or Deal owner/Company owner holding an e-mail, Create Date, "
					+ "Date entered <stage> columns for the stage history). Dry run, mapping and all-or-nothing as for "
					+ "Salesforce. See docs/import.md.")
	ImportReport hubspot(Viewer viewer, @RequestParam(name = "companies", required = false) MultipartFile companies,
			@RequestParam(name = "deals", required = false) MultipartFile deals,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam Map<String, String> parameters,
			@RequestParam Map<String, MultipartFile> parts, HttpServletRequest request) {
		requireMultipart(request);
		ImportRequest.requireKnown(parameters, ImportPageController.FILES.get("HUBSPOT"));
		var sent = ExportParts.read(ImportPageController.FILES.get("HUBSPOT"), parts);
		var files = new HubspotExport.Files(sent.get("companies"), sent.get("deals"));
		return this.imports.run(viewer, "HUBSPOT", files, ImportRequest.mapping(parameters), dryRun);
	}

	/**
	 * The files come as multipart/form-data. Not declared as the mapping's
	 * {@code consumes}: a caller without the admin role gets 403 whatever it sends.
	 */
	private static void requireMultipart(HttpServletRequest request) {
		var type = request.getContentType();
		if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			throw InvalidInputException.of("body", "send the export's files as multipart/form-data, one part per file");
		}
	}

}
