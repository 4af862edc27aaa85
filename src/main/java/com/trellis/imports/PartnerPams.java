package com.trellis.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException.FieldError;

/**
 * The PAM of each partner a CRM import creates: the account's owner when that user is an
 * active PAM, else the PAM named in the mapping ({@code partnerPam}), else the importing
 * admin holds the partner until they name its PAM (listed as a warning). A later export
 * never sets a partner's PAM.
 */
final class PartnerPams {

	private final Users users;

	private final Viewer viewer;

	private final Map<String, Long> ownerIds = new HashMap<>();

	private Long fallback;

	/** Adds an error naming {@code partnerPam} when it is no active PAM's id. */
	PartnerPams(Users users, Viewer viewer, OwnerMatch owners, ImportMapping mapping, List<FieldError> errors) {
		this.users = users;
		this.viewer = viewer;
		if (mapping.partnerPam() != null) {
			var pam = users.findEnabled(mapping.partnerPam());
			if (pam.isEmpty() || pam.get().role() != Role.PAM) {
				errors.add(new FieldError("partnerPam", "must be the id of an active partner account manager"));
			}
			else {
				this.fallback = pam.get().id();
			}
		}
		owners.all().forEach(o -> this.ownerIds.put(o.email(), o.userId()));
	}

	private Long ownerPam(String ownerEmail) {
		var ownerId = this.ownerIds.get(ownerEmail);
		var owner = ownerId == null ? null : this.users.findEnabled(ownerId).orElse(null);
		return owner != null && owner.role() == Role.PAM ? owner.id() : null;
	}

	boolean heldByAdmin(String ownerEmail) {
		return ownerPam(ownerEmail) == null && this.fallback == null;
	}

	/** The PAM (user id) of a new partner whose account the source owner holds. */
	Long of(String ownerEmail) {
		var pam = ownerPam(ownerEmail);
		return pam != null ? pam : this.fallback != null ? this.fallback : this.viewer.userId();
	}

}
