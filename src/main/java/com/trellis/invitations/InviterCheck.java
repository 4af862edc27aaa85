package com.trellis.invitations;

import java.util.Objects;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may invite a person to a partner, decided before the invitation is read: the
 * partner's PAM or a program admin ({@link Partners#requireManages}), or a partner user
 * for their own partner only (as on the portal's colleagues page); a partner user naming
 * another partner is refused (403).
 */
@Component
class InviterCheck implements AccessCheck {

	private final Partners partners;

	InviterCheck(Partners partners) {
		this.partners = partners;
	}

	@Override
	public void check(Viewer viewer, Request request) {
		var id = request.id();
		if (id == null) {
			return;
		}
		if (viewer.isPartnerUser()) {
			if (!Objects.equals(viewer.partnerId(), id)) {
				throw new AccessDeniedException("A partner user invites colleagues to their own partner only");
			}
			return;
		}
		this.partners.requireManages(viewer, id);
	}

}
