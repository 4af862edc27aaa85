package com.trellis.identity;

import java.io.Serializable;
import com.trellis.audit.AuditLog;

/**
 * The signed-in person a request acts for. Every read that can return partner data takes
 * a viewer and narrows itself to what that viewer may see.
 *
 * @param userId the user's id
 * @param name display name
 * @param role the user's role
 * @param partnerId the partner a partner user belongs to; null for vendor staff
 */
public record Viewer(long userId, String name, Role role, Long partnerId) implements Serializable {

	public Viewer {
		if ((role == Role.PARTNER) != (partnerId != null)) {
			throw new IllegalArgumentException("A partner user, and only a partner user, belongs to a partner");
		}
	}

	public boolean isPartnerUser() {
		return this.role == Role.PARTNER;
	}

	public boolean is(Role... roles) {
		for (Role candidate : roles) {
			if (candidate == this.role) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The partner this viewer is confined to, or null when the viewer is vendor staff and
	 * sees every partner. Queries bind this value as {@code :scopePartner} and filter
	 * with {@code (:scopePartner IS NULL OR partner_id = :scopePartner)}.
	 */
	public Long scopePartnerId() {
		return this.partnerId;
	}

	public AuditLog.Actor actor() {
		return new AuditLog.Actor(this.userId, this.name);
	}

	/**
	 * Implemented by the authenticated principal, so other modules can read the viewer.
	 */
	public interface Holder {

		Viewer viewer();

	}

}
