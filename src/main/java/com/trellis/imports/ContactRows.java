package com.trellis.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.trellis.identity.PartnerContacts;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.CsvImport;
import com.trellis.shared.validation.EmailRule;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis partner contact format: {@code email, name} with {@code partner_id}
 * or {@code partner_source_id}, optional {@code job_role} and {@code state}. The e-mail
 * is the contact's outside id: a new one becomes a deactivated partner user of the
 * partner (the PAM then invites them), a known one of the same partner gets the file's
 * name and job role, and one held by a vendor user or another partner's user is refused.
 * The {@code state} the contacts export writes ({@code ACTIVE} or {@code DEACTIVATED}) is
 * read but never applied: who can sign in changes only by an invitation or the user
 * administration, so a row whose state differs from the user's (or a new contact marked
 * active) imports with the state kept, and the report lists it as a notice.
 */
@Component
class ContactRows {

	static final List<String> REQUIRED = List.of("email", "name");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final PartnerContacts contacts;

	private final FormatPartners partners;

	private static final String STATE = "state";

	ContactRows(PartnerContacts contacts, FormatPartners partners) {
		this.contacts = contacts;
		this.partners = partners;
	}

	void plan(Viewer viewer, CsvImport file, FormatPlan plan) {
		var known = this.partners.known(file);
		var seen = new HashMap<String, Long>();
		for (var row : file.rows()) {
			plan.next(row);
			var cells = new FormatCells(file, row, plan.errors);
			if (!cells.complete()) {
				continue;
			}
			if (this.partners.outsideBook(viewer, cells, known)) {
				this.partners.resolve(viewer, cells, known);
				continue;
			}
			int before = plan.errors.size();
			var email = cells.line("email", 254, true);
			if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
				cells.error("email", email, "is not an e-mail address");
			}
			else if (email != null && !email.isEmpty()) {
				EmailRule.problem(email).ifPresent(why -> cells.error("email", email, why));
			}
			// the e-mail is every user's key in any case (app_user_email_uq): one address
			// is
			// one contact, of one partner, whatever row or case repeats it
			if (email != null && !email.isEmpty()) {
				var first = seen.putIfAbsent(EmailRule.key(email), cells.number());
				if (first != null) {
					cells.error("email", email, "appears twice in the file (row " + first + ")");
				}
			}
			var name = cells.line("name", 120, true);
			var jobRole = cells.line("job_role", 80, false);
			var state = state(cells);
			var partnerId = this.partners.resolve(viewer, cells, known);
			// the cells that were read are held to the rules even when another is
			// refused:
			// who holds the e-mail is asked whenever the e-mail was read
			var holder = email != null && !email.isEmpty() && cells.read("email") ? this.contacts.holder(email)
					: java.util.Optional.<PartnerContacts.Contact>empty();
			var user = holder.map(PartnerContacts.Contact::user).orElse(null);
			if (user != null && !EmailRule.sameAsWritten(user.email(), email)) {
				// s59: "partner@northwİnd.demo" renamed partner@northwind.demo's contact
				cells.error("email", email,
						"is not written as the address it reaches; write it as stored (letter" + " case aside)");
			}
			else if (user != null && user.role() != Role.PARTNER) {
				cells.error("email", email, "belongs to a vendor user");
			}
			else if (user != null && partnerId != null && !user.partnerId().equals(partnerId)) {
				cells.error("email", email, "belongs to a user of another partner");
			}
			if (plan.errors.size() > before) {
				continue;
			}
			// a file without the column keeps the job role a known contact has (s59: it
			// was cleared, and with it the contact's enablement track)
			var role = user != null && !cells.has("job_role") ? user.jobRole() : jobRole.isEmpty() ? null : jobRole;
			if (holder.isEmpty()) {
				plan.create(() -> this.contacts.create(viewer.actor(), partnerId, email, name, role));
				notice(plan, cells, state, null);
				continue;
			}
			if (user.displayName().equals(name) && Objects.equals(user.jobRole(), role)) {
				plan.unchanged();
			}
			else {
				plan.update(() -> this.contacts.update(viewer.actor(), user, name, role));
			}
			notice(plan, cells, state, holder.get().active());
		}
	}

	/**
	 * The row's state (any case), null when the file has none or (after an error) a bad
	 * one.
	 */
	private static ContactState state(FormatCells cells) {
		var value = cells.text(STATE);
		if (value.isEmpty()) {
			return null;
		}
		var state = ContactState.of(value);
		if (state.isEmpty()) {
			cells.error(STATE, value, "must be ACTIVE or DEACTIVATED");
		}
		return state.orElse(null);
	}

	private static void notice(FormatPlan plan, FormatCells cells, ContactState state, Boolean active) {
		if (state != null) {
			state.notice(active).ifPresent(why -> plan.notices.add(cells.remark(STATE, why)));
		}
	}

}
