package com.trellis.partners;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The partner rules an operation names with {@link com.trellis.identity.ActsOn}, so they
 * decide before its input is bound. Each delegates to the facade, which checks again when
 * it does the work.
 */
public final class PartnerChecks {

	private PartnerChecks() {
	}

	/**
	 * The partner's PAM or a program admin decides for it
	 * ({@link Partners#requireManages}); a viewer who cannot see the partner gets 404.
	 */
	@Component
	public static class Managed implements AccessCheck {

		private final Partners partners;

		Managed(Partners partners) {
			this.partners = partners;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.partners.requireManages(viewer, id);
			}
		}

	}

	/**
	 * Someone who may act on the partner's behalf ({@link Partners#requireActsFor}): a
	 * PAM only for their book; a partner user only for their own partner, which is hidden
	 * from others (404).
	 */
	@Component
	public static class ActedFor implements AccessCheck {

		private final Partners partners;

		ActedFor(Partners partners) {
			this.partners = partners;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.partners.get(viewer, id);
				this.partners.requireActsFor(viewer, id);
			}
		}

	}

	/**
	 * The partner named in a body by someone acting on its behalf: a PAM only for their
	 * book; an unknown partner passes for validation to name. A partner user passes when
	 * the body names no partner or their own, and is refused (403) when it names any
	 * other, before the rest of the body is read ({@link Viewer#ownPartner}): bad input
	 * sent for another partner is not answered with a 400 listing its fields.
	 */
	@Component
	public static class ActedForInBody implements AccessCheck {

		private final Partners partners;

		ActedForInBody(Partners partners) {
			this.partners = partners;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id == null) {
				return;
			}
			if (viewer.isPartnerUser()) {
				viewer.ownPartner(id);
			}
			else {
				this.partners.requireActsFor(viewer, id);
			}
		}

	}

	/**
	 * A partner is seen by vendor staff and its own users ({@link Partners#get}; 404 to
	 * another partner's), checked before any read under its path is bound
	 * ({@link com.trellis.identity.SeenRecord}).
	 */
	@Component
	static class Seen extends com.trellis.identity.SeenRecord {

		Seen(Partners partners) {
			super(partners::get, "/api/v1/partners/{id}", "/partners/{id}", "/api/v1/partners/{partnerId}");
		}

	}

}
