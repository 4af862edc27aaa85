package com.trellis.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.trellis.matching.CompanyIdentity;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.CsvExport;
import com.trellis.shared.CsvImport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.CountryRule;
import com.trellis.shared.validation.TextRule;

/**
 * Reads a partner's account list (CSV with the columns company_name, web_domain, country,
 * status and optionally crm_id, no other, through {@link CsvImport}) and refuses the
 * whole file when any row is bad, naming each bad row and column: names and CRM ids by
 * the text rule of every other input ({@link TextRule}, single line), a row repeating
 * another refused.
 */
final class AccountListFile {

	static final List<String> COLUMNS = List.of("company_name", "web_domain", "country", "status");

	/** Every column a list may have. */
	static final List<String> KNOWN = List.of("company_name", "web_domain", "country", "status", "crm_id");

	static final int MAX_ROWS = 200_000;

	/**
	 * The errors an upload lists, as a CRM import's report does; the rest are counted
	 * (try11: 200,000 bad rows answered 200,000 errors, a 24 MB answer after minutes).
	 */
	static final int MAX_ERRORS = 1_000;

	private AccountListFile() {
	}

	static List<ListRow> read(String text) {
		// a list is made for Trellis (no CRM writes these columns): a column it does not
		// know is a typo whose values the matching would lose, refused naming it
		var csv = CsvImport.read(text, COLUMNS, KNOWN, "an account list's columns are");
		var listed = new ArrayList<FieldError>();
		long all = 0;
		var rows = new ArrayList<ListRow>();
		var seen = new java.util.HashMap<String, Long>();
		if (csv.rows().isEmpty()) {
			throw InvalidInputException.of("file", "has no rows below its header");
		}
		if (csv.rows().size() > MAX_ROWS) {
			throw InvalidInputException.of("file", "has more than " + MAX_ROWS + " rows");
		}
		for (var row : csv.rows()) {
			var errors = new ArrayList<FieldError>();
			var misfit = row.misfit();
			if (misfit.isPresent()) {
				all++;
				if (listed.size() < MAX_ERRORS) {
					listed.add(misfit.get());
				}
				continue;
			}
			var name = CsvExport.unguard(row.get("company_name"));
			if (name.isBlank()) {
				errors.add(row.error("company_name", "give the company's name (up to 200 characters)"));
			}
			else {
				// the text rule of every other path (s55: line breaks, bidi overrides and
				// names of no-break spaces were kept; emoji were counted twice)
				TextRule.problem(name, 200, false).ifPresent(problem -> errors.add(row.error("company_name", problem)));
			}
			var domain = CsvExport.unguard(row.get("web_domain"));
			if (!domain.isBlank() && CompanyIdentity.registrableDomain(domain) == null) {
				errors.add(row.error("web_domain", "is not a web domain such as example.com"));
			}
			// a code of an assigned country (not XX or ZZ), also as the partner's CRM
			// writes
			// it: de, DEU or Germany
			var typedCountry = CsvExport.unguard(row.get("country"));
			var country = CountryRule.code(typedCountry).orElse("");
			if (!typedCountry.isBlank() && country.isEmpty()) {
				errors.add(row.error("country",
						"give the two-letter ISO 3166 code of a country, such as DE (DEU or Germany also do)"));
			}
			var status = row.get("status").toUpperCase(Locale.ROOT);
			if (!status.equals("CUSTOMER") && !status.equals("PROSPECT")) {
				errors.add(row.error("status", "must be customer or prospect"));
			}
			var crmId = CsvExport.unguard(row.get("crm_id"));
			TextRule.problem(crmId, 100, false).ifPresent(problem -> errors.add(row.error("crm_id", problem)));
			var same = seen.putIfAbsent(String.join("\t", name.strip().toLowerCase(Locale.ROOT),
					domain.strip().toLowerCase(Locale.ROOT), country, status, crmId.strip()), row.number());
			if (same != null) {
				errors.add(row.error("company_name", "repeats row " + same + "; list each company once"));
			}
			all += errors.size();
			errors.stream().limit(MAX_ERRORS - listed.size()).forEach(listed::add);
			if (all == 0) {
				rows.add(new ListRow(row.number(), name.strip(), domain.isBlank() ? null : domain.strip(),
						country.isBlank() ? null : country, ListRow.Status.valueOf(status),
						crmId.isBlank() ? null : crmId.strip()));
			}
		}
		if (all > 0) {
			if (all > listed.size()) {
				listed.add(new FieldError("file",
						(all - listed.size()) + " more errors not listed; the first " + MAX_ERRORS + " are above"));
			}
			throw new InvalidInputException(listed);
		}
		return rows;
	}

}
