package com.trellis.accounts;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The accounts list as CSV in the Trellis account format's columns (docs/import.md), so
 * that the file imports back unchanged; the list's filters apply. Whoever sees the list
 * may export it (vendor staff; partner users see no accounts).
 */
final class AccountExport {

	static final List<String> COLUMNS = List.of("id", "name", "web_domain", "industry", "employee_band", "owner_ae_id",
			"country");

	private AccountExport() {
	}

	static void write(Accounts accounts, Viewer viewer, String q, String industry, Long ownerId,
			HttpServletResponse response) throws IOException {
		CsvExport.write(response, "accounts.csv", COLUMNS,
				page -> accounts.search(viewer, q, industry, ownerId, new PageRequest(page, PageRequest.MAX_SIZE)),
				a -> Arrays.asList(a.id(), a.name(), a.webDomain(), a.industry(), a.employeeBand(), a.ownerAeId(),
						a.country()));
	}

}
