package com.trellis.partners;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

/**
 * Who may act for a partner, and who decides for it. A PAM's reach is their book: they
 * act and decide only for the partners they own. A program admin decides for every
 * partner. A partner user acts only for their own partner and decides nothing. Other
 * vendor staff (account executives, sales managers) are bound to no book; what their role
 * may do at all is the use case's own check.
 */
final class PartnerAuthority {

	private PartnerAuthority() {
	}

	/** Whether the viewer may act (register, submit, request) on the partner's behalf. */
	static Decision actsFor(Viewer viewer, long partnerId, long ownerPamId) {
		if (viewer.isPartnerUser()) {
			return viewer.partnerId() == partnerId ? Decision.yes("a user of the partner")
					: Decision.no("a partner user acts only for their own partner");
		}
		if (viewer.is(Role.PAM)) {
			return ownerPamId == viewer.userId() ? Decision.yes("the partner's PAM")
					: Decision.no("a PAM acts only for the partners of their own book");
		}
		return Decision.yes("vendor staff outside the partner's book");
	}

	/** Whether the viewer decides for the partner: its own PAM or a program admin. */
	static Decision manages(Viewer viewer, long ownerPamId) {
		if (viewer.is(Role.ADMIN)) {
			return Decision.yes("a program admin");
		}
		if (viewer.is(Role.PAM) && ownerPamId == viewer.userId()) {
			return Decision.yes("the partner's PAM");
		}
		return Decision.no("only the partner's PAM or a program admin decides for a partner");
	}

	record Decision(boolean allowed, String reason) {

		static Decision yes(String reason) {
			return new Decision(true, reason);
		}

		static Decision no(String reason) {
			return new Decision(false, reason);
		}

	}

}
