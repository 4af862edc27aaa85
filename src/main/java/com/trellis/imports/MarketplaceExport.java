package com.trellis.imports;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.marketplace.Marketplace;
import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Marketplace transactions in the Trellis marketplace format's columns ({@code source_id,
 * partner_id, customer, listing, amount, currency, transacted_on}), oldest first, so that
 * the file imports back unchanged. A partner user exports its own partner's, a PAM its
 * book's, admins and executives all; {@code partner} narrows it to one partner (404 when
 * it is not the caller's to read). The scope is checked before anything is written.
 */
@Controller
class MarketplaceExport {

	static final List<String> COLUMNS = List.of("source_id", "partner_id", "customer", "listing", "amount", "currency",
			"transacted_on");

	private final Marketplace marketplace;

	MarketplaceExport(Marketplace marketplace) {
		this.marketplace = marketplace;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping({ "/marketplace/transactions.csv", "/api/v1/marketplace/transactions.csv" })
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE', 'PAM', 'PARTNER')")
	void export(Viewer viewer, @RequestParam(required = false) Long partner, HttpServletResponse response)
			throws IOException {
		var first = this.marketplace.transactions(viewer, partner, 0, PageRequest.MAX_SIZE);
		CsvExport.write(response, "marketplace-transactions.csv", COLUMNS,
				page -> page == 0 ? first : this.marketplace.transactions(viewer, partner, page, PageRequest.MAX_SIZE),
				t -> Arrays.asList(t.sourceId(), t.partnerId(), t.customer(), t.listing(), t.amount().toPlainString(),
						t.currency(), t.transactedOn()));
	}

}
