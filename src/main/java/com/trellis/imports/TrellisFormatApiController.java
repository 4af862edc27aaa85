package com.trellis.imports;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.trellis.shared.InvalidInputException;

@RestController
@RequestMapping("/api/v1/imports/trellis")
@Tag(name = "Imports", description = "CRM exports imported with their history (program admins)")
class TrellisFormatApiController {

	private final TrellisFormats formats;

	private final ImportSize size;

	TrellisFormatApiController(TrellisFormats formats, ImportSize size) {
		this.formats = formats;
		this.size = size;
	}

	@PostMapping("/{format}")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@Operation(
			summary = "Import a Trellis CSV format: partners, contacts, activity, completions, deals, accounts, marketplace or plans (multipart part 'file')",
			description = "partners (admins): the partners list export's columns id, name, type, web_domain, verticals, "
					+ "capabilities, region, onboarded_on, owner_pam_id, lifecycle_status, tier, with source_id and "
					+ "pam_email as alternatives; contacts (admins, PAMs for their book): email, name, partner_id or "
					+ "partner_source_id, job_role; activity (admins, PAMs for their book): source_id, type, occurred_at, "
					+ "partner_id or partner_source_id, user_email, detail; completions (admins, PAMs for their book): "
					+ "item, completed_on, user_id or email, source_id; deals (admins): the opportunities export's "
					+ "columns id (a deal of this program) or source_id (another system's), name, account_id or "
					+ "account_domain or account, amount, currency, stage, close_date, owner_id or owner_email, source, "
					+ "partner_id or partner_source_id, credit_type, partner_share; marketplace (admins, PAMs for their book): "
					+ "source_id, partner_id or partner_source_id, customer, listing, amount, currency, transacted_on; plans (admins, PAMs for "
					+ "their book): the account plans export's columns, one row per action: plan_id or plan_source_id, title, "
					+ "partner_id or partner_source_id, account_id, currency, pipeline_goal, revenue_goal, starts_on, ends_on, "
					+ "our_owner_email, partner_contact_email, action_id (blank for a new action), action, side, due_on, "
					+ "action_status; the counts are of plans and actions. A column the format does not take "
					+ "(a typo such as web_domian) refuses the file before any row is read, naming it under header "
					+ "and listing the format's columns. A dry run (the default) reports every bad row "
					+ "and the counts and writes nothing; dryRun=false writes all rows or none (400 naming each row and "
					+ "column); a file beyond trellis.imports.max-rows rows or max-characters characters answers 400 naming the "
					+ "file. Re-importing a file changes nothing. See docs/import.md.")
	FormatReport run(Viewer viewer, @PathVariable String format, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun, HttpServletRequest request) {
		var chosen = TrellisFormats.Format.of(format);
		if (!TrellisFormats.mayImport(viewer, chosen)) {
			throw new org.springframework.security.access.AccessDeniedException("Your role may not import " + format);
		}
		var type = request.getContentType();
		if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			throw InvalidInputException.of("body", "send the file as multipart/form-data in a part named file");
		}
		var upload = ImportFile.of("file", file);
		var text = upload == null ? null : upload.text();
		if (text == null) {
			throw InvalidInputException.of("file", "is required: the CSV file of the format");
		}
		this.size.check("file", text);
		return this.formats.run(viewer, chosen, text, dryRun);
	}

}
