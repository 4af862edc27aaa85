package com.trellis.marketplace;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;

/**
 * Whose marketplace transactions a viewer reads, bound in the SQL: a partner user its own
 * partner's, a PAM its book's, admins and executives the program's; other roles none.
 *
 * @param partnerId the partner a partner user is confined to
 * @param pamId the PAM whose book is read
 */
record MarketplaceScope(Long partnerId, Long pamId) {

	static MarketplaceScope of(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			return new MarketplaceScope(viewer.scopePartnerId(), null);
		}
		if (viewer.is(Role.PAM)) {
			return new MarketplaceScope(null, viewer.userId());
		}
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			return new MarketplaceScope(null, null);
		}
		throw new AccessDeniedException(
				"Marketplace transactions are read by program admins, executives, PAMs for their book and partners");
	}

}
