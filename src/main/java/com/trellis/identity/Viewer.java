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

	/**
	 * A partner user's own partner for a request that may name one: no id, or their own,
	 * is their own; another partner's id is refused (403), never silently read as theirs.
	 * @param asked the partner id the request names, or null
	 * @return the viewer's own partner id
	 * @throws org.springframework.security.access.AccessDeniedException when the request
	 * names another partner
	 * @throws IllegalStateException when the viewer is not a partner user
	 */
	public long ownPartner(Long asked) {
		if (!isPartnerUser()) {
			throw new IllegalStateException("only a partner user has an own partner");
		}
		if (asked != null && asked.longValue() != this.partnerId) {
			throw new org.springframework.security.access.AccessDeniedException(
					"A partner user acts only for their own partner, not partner " + asked);
		}
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
