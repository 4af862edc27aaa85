package com.trellis.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.trellis.identity.PartnerContacts;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.CsvImport;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis partner contact format: {@code email, name} with {@code partner_id}
 * or {@code partner_source_id}, optional {@code job_role}. The e-mail is the contact's
 * outside id: a new one becomes a deactivated partner user of the partner (the PAM then
 * invites them), a known one of the same partner gets the file's name and job role, and
 * one held by a vendor user or another partner's user is refused.
 */
@Component
class ContactRows {

	static final List<String> REQUIRED = List.of("email", "name");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final PartnerContacts contacts;

	private final FormatPartners partners;

	ContactRows(PartnerContacts contacts, FormatPartners partners) {
		this.contacts = contacts;
		this.partners = partners;
	}

	void plan(Viewer viewer, CsvImport file, FormatPlan plan) {
		var known = this.partners.known(file);
		var seen = new HashSet<String>();
		for (var row : file.rows()) {
			plan.rows++;
			var cells = new FormatCells(file, row, plan.errors);
			if (!cells.complete()) {
				continue;
			}
			int before = plan.errors.size();
			var email = cells.line("email", 254, true);
			if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
				cells.error("email", email, "is not an e-mail address");
			}
			else if (email != null && !email.isEmpty() && !seen.add(email.toLowerCase(Locale.ROOT))) {
				cells.error("email", email, "appears twice in the file");
			}
			var name = cells.line("name", 120, true);
			var jobRole = cells.line("job_role", 80, false);
			var partnerId = this.partners.resolve(viewer, cells, known);
			if (plan.errors.size() > before) {
				continue;
			}
			var role = jobRole.isEmpty() ? null : jobRole;
			var holder = this.contacts.holder(email);
			if (holder.isEmpty()) {
				plan.create(() -> this.contacts.create(viewer.actor(), partnerId, email, name, role));
			}
			else if (holder.get().role() != Role.PARTNER) {
				cells.error("email", email, "belongs to a vendor user");
			}
			else if (!holder.get().partnerId().equals(partnerId)) {
				cells.error("email", email, "belongs to a user of another partner");
			}
			else if (holder.get().displayName().equals(name) && Objects.equals(holder.get().jobRole(), role)) {
				plan.unchanged();
			}
			else {
				var user = holder.get();
				plan.update(() -> this.contacts.update(viewer.actor(), user, name, role));
			}
		}
	}

}
