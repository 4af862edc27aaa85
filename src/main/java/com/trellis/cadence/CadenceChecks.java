package com.trellis.cadence;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The cadence rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound.
 */
final class CadenceChecks {

	/** Why a PAM is refused another book's pack. */
	static final String OWN_BOOK = "A PAM sees the packs of their own book";

	private CadenceChecks() {
	}

	/**
	 * A PAM opens the packs of their own book only: a {@code pam} other than their own
	 * id, or one that is no number, is refused before it is read (others' unreadable ones
	 * are named afterwards). {@link Packs#pack} checks the same when it reads the pack.
	 */
	@Component
	static class OwnBook implements AccessCheck {

		@Override
		public void check(Viewer viewer, Request request) {
			if (viewer.is(Role.PAM) && request.namesOtherThan(viewer.userId())) {
				throw new AccessDeniedException(OWN_BOOK);
			}
		}

	}

}
