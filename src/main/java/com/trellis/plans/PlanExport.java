package com.trellis.plans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans a viewer reads as CSV ({@code /account-plans/export.csv},
 * {@code /api/v1/account-plans/export.csv}), one row per action, in the columns the
 * Trellis plans format imports back (docs/import.md): the plan's id, its partner and
 * account by id (their names beside them, for reading), the owners by e-mail, days as
 * {@code yyyy-mm-dd}, moments as ISO 8601 instants, goals as plain decimals with their
 * currency, and each action's id. A plan without actions has one row with the action
 * columns empty. The outcome, who closed the plan and who marked an action done are
 * written for reading; an import never changes them.
 */
@Service
public class PlanExport {

	/** The header of the plans export. */
	static final List<String> HEADER = List.of("plan_id", "title", "partner_id", "partner", "account_id", "account",
			"status", "outcome", "outcome_note", "closed_by", "closed_at", "currency", "pipeline_goal", "revenue_goal",
			"starts_on", "ends_on", "our_owner_email", "our_owner", "partner_contact_email", "partner_contact",
			"action_id", "action", "side", "due_on", "action_status", "done_by", "done_at");

	private final AccountPlans plans;

	private final Users users;

	PlanExport(AccountPlans plans, Users users) {
		this.plans = plans;
		this.users = users;
	}

	/**
	 * Writes the file of {@link #each} to the response ({@code status} blank for either),
	 * a bad filter named before the file starts (the page's and the API's export).
	 */
	public void write(Viewer viewer, String q, String status, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		var chosen = status == null || status.isBlank() ? null : status;
		com.trellis.shared.FormErrors
			.checks(() -> AccountPlans.requireStatus(chosen), () -> com.trellis.shared.ListSearch.text("q", q))
			.run();
		com.trellis.shared.CsvExport.<List<Object>>stream(response, "account-plans.csv", HEADER,
				out -> each(viewer, q, chosen, out), row -> row);
	}

	/**
	 * Hands each row of the plans the viewer reads (as the list shows them with its
	 * {@code q} and {@code status} filters, null for none, every page of it) to
	 * {@code out}, a page of {@value PageRequest#MAX_SIZE} plans at a time, all read in
	 * one snapshot (repeatable read), so a plan written meanwhile neither repeats nor
	 * shifts another off the file. The header is {@link #HEADER}.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void each(Viewer viewer, String q, String status, Consumer<List<Object>> out) {
		PageResult<PlanView> page;
		int number = 0;
		do {
			page = this.plans.list(viewer, q, status, new PageRequest(number++, PageRequest.MAX_SIZE));
			rows(page.items(), out);
		}
		while (page.hasNext());
	}

	private void rows(List<PlanView> list, Consumer<List<Object>> out) {
		var people = new HashSet<Long>();
		list.forEach(p -> {
			people.add(p.vendorOwnerId());
			people.add(p.partnerContactId());
		});
		var byId = this.users.byIds(people);
		for (var p : list) {
			var plan = List.<Object>of(p.id(), p.title(), p.partnerId(), p.partnerName(), p.accountId(),
					p.accountName(), p.status(), text(p.outcome()), text(p.outcomeNote()), text(p.closedByName()),
					text(p.closedAt()), p.currency(), p.pipelineGoal().toPlainString(), p.revenueGoal().toPlainString(),
					p.startsOn(), p.endsOn(), email(byId.get(p.vendorOwnerId())), p.vendorOwnerName(),
					email(byId.get(p.partnerContactId())), p.partnerContactName());
			if (p.actions().isEmpty()) {
				var row = new ArrayList<Object>(plan);
				row.addAll(List.of("", "", "", "", "", "", ""));
				out.accept(row);
			}
			for (var a : p.actions()) {
				var row = new ArrayList<Object>(plan);
				row.addAll(List.of(a.id(), a.description(), a.side(), a.dueOn(), a.status(), text(a.doneByName()),
						text(a.doneAt())));
				out.accept(row);
			}
		}
	}

	private static Object email(UserSummary user) {
		return user == null ? "" : user.email();
	}

	private static Object text(Object value) {
		return value == null ? "" : value;
	}

}
