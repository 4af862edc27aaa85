package com.trellis.cosell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * The co-sell request list as CSV ({@code GET /cosell/export.csv}): every request the
 * list shows with its {@code status} filter, all pages, in the list's order; the reader
 * sees exactly the list's rows (a partner user the requests made of its own partner).
 * {@code response_hours} is the time from the ask to the answer in hours with one
 * decimal, empty while open; moments in UTC (ISO 8601).
 */
@Controller
class CoSellExport {

	static final List<String> HEADER = List.of("id", "opportunity_id", "deal", "partner_id", "partner",
			"requested_by_id", "requested_by", "requested_at", "ask", "status", "answered_by_id", "answered_by",
			"answered_at", "answer", "response_hours");

	private final CoSellRequests requests;

	private final Partners partners;

	private final Users users;

	CoSellExport(CoSellRequests requests, Partners partners, Users users) {
		this.requests = requests;
		this.partners = partners;
		this.users = users;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/cosell/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) CoSellStatus status, HttpServletResponse response)
			throws IOException {
		Map<Long, String> partnerNames = new HashMap<>();
		Map<Long, UserSummary> people = new HashMap<>();
		CsvExport.write(response, "cosell-requests.csv", HEADER, page -> {
			var result = this.requests.list(viewer, status, new PageRequest(page, PageRequest.MAX_SIZE));
			partnerNames.putAll(this.partners.names(viewer,
					result.items().stream().map(CoSellRequest::partnerId).distinct().toList()));
			var ids = new ArrayList<Long>();
			result.items().forEach(r -> {
				ids.add(r.requestedBy());
				if (r.answeredBy() != null) {
					ids.add(r.answeredBy());
				}
			});
			people.putAll(this.users.byIds(ids));
			return result;
		}, r -> Arrays.asList(r.id(), r.opportunityId(), r.dealName(), r.partnerId(), partnerNames.get(r.partnerId()),
				r.requestedBy(), name(people, r.requestedBy()), r.requestedAt(), r.ask(), r.status(), r.answeredBy(),
				name(people, r.answeredBy()), r.answeredAt(), r.answer(), r.responseHours()));
	}

	private static String name(Map<Long, UserSummary> people, Long id) {
		var person = id == null ? null : people.get(id);
		return person == null ? null : person.displayName();
	}

}
