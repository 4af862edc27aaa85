package com.trellis.registration;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * The registration rules an operation names with {@link com.trellis.identity.ActsOn}, so
 * they decide before its input is bound.
 */
final class RegistrationChecks {

	private RegistrationChecks() {
	}

	/**
	 * The partner's PAM or a program admin decides on a registration (approve, reject,
	 * send back, extend); a viewer who cannot see it gets 404.
	 */
	@Component
	static class Decided implements AccessCheck {

		private final Registrations registrations;

		Decided(Registrations registrations) {
			this.registrations = registrations;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.registrations.requireDecides(viewer, id);
			}
		}

	}

	/**
	 * The partner, the person who registered or the partner's PAM withdraws a
	 * registration ({@link Registrations#requireWithdraws}); a viewer who cannot see it
	 * gets 404.
	 */
	@Component
	static class Withdrawn implements AccessCheck {

		private final Registrations registrations;

		Withdrawn(Registrations registrations) {
			this.registrations = registrations;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.registrations.requireWithdraws(viewer, id);
			}
		}

	}

	/**
	 * The partner or the person who registered edits a registration sent back; a viewer
	 * who cannot see it gets 404.
	 */
	@Component
	static class Resubmitted implements AccessCheck {

		private final Registrations registrations;

		Resubmitted(Registrations registrations) {
			this.registrations = registrations;
		}

		@Override
		public void check(Viewer viewer, Request request) {
			var id = request.id();
			if (id != null) {
				this.registrations.requireEdits(viewer, id);
			}
		}

	}

	/**
	 * A registration is seen as {@link Registrations#get} says (a partner user its
	 * partner's; 404 otherwise), checked before any read under its path is bound
	 * ({@link com.trellis.identity.SeenRecord}).
	 */
	@Component
	static class Seen extends com.trellis.identity.SeenRecord {

		Seen(Registrations registrations) {
			super(registrations::get, "/api/v1/registrations/{id}", "/registrations/{id}");
		}

	}

}
