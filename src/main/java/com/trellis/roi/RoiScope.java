package com.trellis.roi;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;

/**
 * Whose ROI figures a viewer reads, bound in the SQL: a partner user its own partner, a
 * PAM its book, admins and executives the program; other roles none.
 *
 * @param partnerId the partner a partner user is confined to
 * @param pamId the PAM whose book is read
 * @param onePartner one partner asked for, within the scope
 */
record RoiScope(Long partnerId, Long pamId, Long onePartner) {

	static RoiScope of(Viewer viewer, Long onePartner) {
		if (viewer.isPartnerUser()) {
			return new RoiScope(viewer.scopePartnerId(), null, onePartner);
		}
		if (viewer.is(Role.PAM)) {
			return new RoiScope(null, viewer.userId(), onePartner);
		}
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE)) {
			return new RoiScope(null, null, onePartner);
		}
		throw new AccessDeniedException("ROI is read by program admins, executives, PAMs for their book and partners");
	}

}
