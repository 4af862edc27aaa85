package com.trellis.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.activity.ActivityEvent;
import com.trellis.activity.ActivityImport;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.CsvExport;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partner's activity events in the Trellis activity format's columns ({@code id,
 * source_id, partner_id, type, occurred_at, user_email, detail}), oldest first, so that
 * the file imports back unchanged: {@code id} is the event's own id, which the import
 * recognises as that event and never changes (docs/decisions.md), {@code source_id} the
 * outside id an imported event came with. Whoever sees the partner may export it (another
 * partner's user gets 404), on the page's path and the API's.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ActivityExport {

	static final List<String> COLUMNS = List.of("id", "source_id", "partner_id", "type", "occurred_at", "user_email",
			"detail");

	private final Partners partners;

	private final ActivityImport activity;

	private final FormatRecords records;

	private final Users users;

	ActivityExport(Partners partners, ActivityImport activity, FormatRecords records, Users users) {
		this.partners = partners;
		this.activity = activity;
		this.records = records;
		this.users = users;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping({ "/partners/{id}/activity.csv", "/api/v1/partners/{id}/activity.csv" })
	void export(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		long partner = this.partners.get(viewer, id).id();
		CsvExport.write(response, "activity.csv", COLUMNS, page -> rows(viewer, partner, page), row -> row);
	}

	/** One page of events as rows, with their source ids and users' e-mails. */
	private PageResult<List<?>> rows(Viewer viewer, long partner, int page) {
		var events = this.activity.ofPartner(viewer, partner, new PageRequest(page, PageRequest.MAX_SIZE));
		var sources = this.records.sources(ActivityRows.OBJECT,
				events.items().stream().map(ActivityEvent::id).toList());
		var emails = this.users
			.byIds(events.items().stream().map(ActivityEvent::userId).filter(u -> u != null).distinct().toList());
		var rows = new ArrayList<List<?>>();
		for (var e : events.items()) {
			var user = e.userId() == null ? null : emails.get(e.userId());
			rows.add(Arrays.asList(e.id(), sources.get(e.id()), e.partnerId(), e.type(), e.occurredAt(),
					user == null ? null : user.email(), e.detail()));
		}
		return new PageResult<>(rows, events.page(), events.size(), events.total());
	}

}
