package com.trellis.registration;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registration list as CSV ({@code GET /registrations/export.csv}): every
 * registration the list shows with the same filters ({@code status}, {@code mine},
 * {@code breached}), all pages, in the list's order; whoever may see the list may export
 * it, and sees exactly its rows (a partner user its own partner's). Amounts in the
 * registration's currency at its minor unit; moments in UTC (ISO 8601); empty where the
 * list shows nothing: a decision is due only while pending, a protection ends only while
 * the registration protects.
 */
@Controller
class RegistrationExport {

	static final List<String> HEADER = List.of("id", "customer", "customer_domain", "partner_id", "partner", "status",
			"status_reason", "conflict", "amount", "currency", "expected_close_date", "credit_type", "partner_share",
			"submitted_at", "decision_due_at", "protection_ends_at", "approved_at", "opportunity_id");

	private final Registrations registrations;

	private final Partners partners;

	RegistrationExport(Registrations registrations, Partners partners) {
		this.registrations = registrations;
		this.partners = partners;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/registrations/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) RegistrationStatus status,
			@RequestParam(required = false) Boolean mine, @RequestParam(defaultValue = "false") boolean breached,
			HttpServletResponse response) throws IOException {
		boolean book = mine != null ? mine : viewer.is(Role.PAM);
		var filter = new RegistrationFilter(status, null, breached, book);
		Map<Long, String> names = new HashMap<>();
		CsvExport.write(response, "registrations.csv", HEADER, page -> {
			var request = new PageRequest(page, PageRequest.MAX_SIZE);
			var result = breached ? this.registrations.breaches(viewer, status, request)
					: this.registrations.search(viewer, filter, request);
			names.putAll(this.partners.names(viewer,
					result.items().stream().map(RegistrationView::partnerId).distinct().toList()));
			return result;
		}, r -> Arrays.asList(r.id(), r.customerName(), r.customerDomain(), r.partnerId(), names.get(r.partnerId()),
				r.status(), r.statusReason(), r.conflict(), r.amount() == null ? null : r.amount().toPlainString(),
				r.currency(), r.expectedCloseDate(), r.creditType(), r.partnerShare(), r.submittedAt(),
				r.status() == RegistrationStatus.PENDING ? r.slaDueAt() : null, r.protectionEndsAt(), r.approvedAt(),
				r.opportunityId()));
	}

}
