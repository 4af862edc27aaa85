package com.trellis.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.shared.InvalidInputException.FieldError;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Matches the export's owners (its user ids) onto Trellis users by e-mail: the admin's
 * choice first (an account executive, sales manager or PAM, who own accounts, deals and
 * partners here), then the vendor user with that e-mail (enabled or not: an owner who
 * left keeps their records), else created as a deactivated user when the admin asked for
 * it, else unknown and every row they own refused.
 */
final class OwnerMatch {

	/**
	 * The roles that own a CRM's records here: reps accounts and deals, PAMs partners.
	 */
	static final java.util.Set<Role> OWNERS = java.util.EnumSet.of(Role.AE, Role.SALES_MANAGER, Role.PAM);

	/** A matched owner; {@code userId} is null for one the import is to create. */
	record Owner(String email, String name, Boolean activeInSource, Long userId, String match) {
	}

	private final Map<String, CrmExport.User> sourceUsers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private final Map<String, Owner> owners = new LinkedHashMap<>();

	private final ImportMapping mapping;

	private final Users users;

	private final TransactionOperations aside;

	/**
	 * @param aside runs a look-up of users beside the caller's transaction (whose
	 * connection is busy copying rows while owners are matched)
	 */
	OwnerMatch(ImportMapping mapping, Users users, List<FieldError> errors, TransactionOperations aside) {
		this.mapping = mapping;
		this.users = users;
		this.aside = aside;
		mapping.owners().forEach((email, id) -> {
			var user = users.find(id);
			if (user.isEmpty() || user.get().role() == Role.PARTNER) {
				errors.add(new FieldError("owner." + email, "no vendor user with id " + id));
			}
			else if (!OWNERS.contains(user.get().role())) {
				// reps own accounts and deals, PAMs partners (try72: an executive was
				// given open deals without a word)
				errors.add(new FieldError("owner." + email,
						"user " + id + " (" + user.get().email() + ") is " + user.get().role().withArticle()
								+ "; map owners to an account executive, sales manager or PAM"));
			}
		});
	}

	/** A user of the source (its User file, or an owner a HubSpot row names). */
	void add(CrmExport.User user) {
		if (user.id() != null) {
			this.sourceUsers.putIfAbsent(user.id(), user);
		}
	}

	/**
	 * The owner of a source user id, or null with an error naming the row and column when
	 * there is none to give the record to.
	 */
	Owner of(String sourceUserId, String rowLabel, String column, List<FieldError> errors) {
		if (sourceUserId == null) {
			return null;
		}
		var source = this.sourceUsers.get(sourceUserId);
		if (source == null || source.email() == null) {
			errors.add(new FieldError(rowLabel + column, "owner '" + sourceUserId + "' is not in the User file"));
			return null;
		}
		// keyed by the source user, not by how a row spelled it: "Jane@x" and "jane@x"
		// are one owner
		var owner = this.owners.computeIfAbsent(source.id(), id -> match(source));
		if ("UNKNOWN".equals(owner.match()) || "PARTNER".equals(owner.match())) {
			errors.add(new FieldError(rowLabel + column, "PARTNER".equals(owner.match()) ? "owner " + owner
				.email() + " is a partner user; map the owner to a vendor user" : "owner " + owner.email()
						+ " is not a Trellis user; map the owner to a user or let the import create them as deactivated users"));
			return null;
		}
		return owner;
	}

	private Owner match(CrmExport.User source) {
		var chosen = this.mapping.owners().get(source.email());
		if (chosen != null) {
			return new Owner(source.email(), source.name(), source.active(), chosen, "MAPPED");
		}
		var user = this.aside.execute(status -> this.users.byEmail(source.email()));
		if (user.isPresent()) {
			return new Owner(source.email(), source.name(), source.active(), user.get().id(),
					user.get().role() == Role.PARTNER ? "PARTNER" : "MATCHED");
		}
		if (!source.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			return new Owner(source.email(), source.name(), source.active(), null, "NOT_EMAIL");
		}
		return new Owner(source.email(), source.name(), source.active(), null,
				this.mapping.createUnknownOwners() ? "CREATE" : "UNKNOWN");
	}

	List<Owner> all() {
		return List.copyOf(this.owners.values());
	}

}
