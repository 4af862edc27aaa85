package com.trellis.leads;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lead list as CSV ({@code GET /leads/export.csv}): every lead the list shows with
 * its {@code status} filter, all pages, in the list's order, each as the reader sees it
 * on the list (a partner user its own partner's leads, without the vendor's routing
 * reason and follow-up note). Moments in UTC (ISO 8601); empty where not reached yet.
 */
@Controller
class LeadExport {

	static final List<String> HEADER = List.of("id", "company", "company_domain", "contact_name", "contact_email",
			"partner_id", "partner", "status", "routing_reason", "rep_id", "rep", "account_id", "submitted_at",
			"routed_at", "follow_up_due_at", "first_follow_up_at", "follow_up", "follow_up_note", "decided_at",
			"decline_reason", "opportunity_id");

	private final Leads leads;

	private final Partners partners;

	private final Users users;

	LeadExport(Leads leads, Partners partners, Users users) {
		this.leads = leads;
		this.partners = partners;
		this.users = users;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/leads/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) LeadStatus status, HttpServletResponse response)
			throws IOException {
		Map<Long, String> partnerNames = new HashMap<>();
		Map<Long, UserSummary> reps = new HashMap<>();
		CsvExport.write(response, "leads.csv", HEADER, page -> {
			var result = this.leads.search(viewer, status, new PageRequest(page, PageRequest.MAX_SIZE));
			partnerNames.putAll(
					this.partners.names(viewer, result.items().stream().map(LeadView::partnerId).distinct().toList()));
			reps.putAll(this.users
				.byIds(result.items().stream().map(LeadView::repId).filter(Objects::nonNull).distinct().toList()));
			return result;
		}, l -> Arrays.asList(l.id(), l.companyName(), l.companyDomain(), l.contactName(), l.contactEmail(),
				l.partnerId(), partnerNames.get(l.partnerId()), l.status(), l.routingReason(), l.repId(),
				l.repId() == null || !reps.containsKey(l.repId()) ? null : reps.get(l.repId()).displayName(),
				l.accountId(), l.submittedAt(), l.routedAt(), l.followUpDueAt(), l.firstFollowUpAt(), l.followUp(),
				l.followUpNote(), l.decidedAt(), l.declineReason(), l.opportunityId()));
	}

}
