package com.trellis.imports;

import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
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

	ImportApiController(CrmImport imports) {
		this.imports = imports;
	}

	@PostMapping("/salesforce")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(
			summary = "Import a Salesforce data export: files Account, User, Opportunity, OpportunityHistory, OpportunityPartner, Partner",
			description = "A dry run (the default) reports every bad row, the stage and owner mapping and the counts to "
					+ "create, update and leave unchanged, and writes nothing. dryRun=false writes all rows in one "
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
			HttpServletRequest request) {
		requireMultipart(request);
		var files = new CrmExport.Files(ImportRequest.text("Account", account), ImportRequest.text("User", user),
				ImportRequest.text("Opportunity", opportunity), ImportRequest.text("OpportunityHistory", history),
				ImportRequest.text("OpportunityPartner", opportunityPartner), ImportRequest.text("Partner", partner));
		return this.imports.run(viewer, "SALESFORCE", zone -> CrmExport.readSalesforce(files, zone),
				ImportRequest.mapping(parameters), dryRun);
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
			HttpServletRequest request) {
		requireMultipart(request);
		var files = new HubspotExport.Files(ImportRequest.text("companies", companies),
				ImportRequest.text("deals", deals));
		return this.imports.run(viewer, "HUBSPOT", zone -> HubspotExport.read(files, zone),
				ImportRequest.mapping(parameters), dryRun);
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
