package com.trellis.registration;

import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.registration.RegistrationRepository.Row;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees, edits, withdraws and decides on a registration: 404 for a registration the
 * viewer cannot see (a partner user sees only its partner's), 403 for one they see but
 * may not act on. Split from {@link Registrations}.
 */
@Component
class RegistrationAccess {

	private final RegistrationRepository registrations;

	private final Partners partners;

	RegistrationAccess(RegistrationRepository registrations, Partners partners) {
		this.registrations = registrations;
		this.partners = partners;
	}

	boolean canDecide(Viewer viewer, RegistrationView view) {
		return this.partners.manages(viewer, view.partnerId());
	}

	void requireWithdraws(Viewer viewer, RegistrationView view) {
		if (!(viewer.isPartnerUser() || view.registeredBy() == viewer.userId() || canDecide(viewer, view))) {
			throw new AccessDeniedException("Only the partner, the registrant or its PAM withdraws a registration");
		}
	}

	static void requireEdits(Viewer viewer, RegistrationView view) {
		if (!(viewer.isPartnerUser() || view.registeredBy() == viewer.userId())) {
			throw new AccessDeniedException("Only the partner or the person who registered edits a registration");
		}
	}

	void requireDecides(Viewer viewer, RegistrationView view) {
		if (!canDecide(viewer, view)) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin decides on its registrations");
		}
	}

	static void requireSeesConflicts(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users never see other parties' claims");
		}
	}

	Row visible(Viewer viewer, long id) {
		return this.registrations.find(viewer, id).orElseThrow(() -> new NotFoundException("Registration", id));
	}

	Row lockVisible(Viewer viewer, long id) {
		visible(viewer, id);
		return this.registrations.findForUpdate(id).orElseThrow();
	}

	Row lockDecidable(Viewer viewer, long id) {
		var row = lockVisible(viewer, id);
		requireDecides(viewer, row.view());
		return row;
	}

}
