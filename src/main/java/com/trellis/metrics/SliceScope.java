package com.trellis.metrics;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.BusinessCalendar;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The slice a viewer's figures and records are read for: refused (403) when the viewer
 * may not look at it ({@link SliceAccess}); a partner user's read as its own partner, a
 * PAM's program as their book and a PAM's cohort, vertical or capability narrowed to the
 * book; then a value that names nothing is refused naming {@code sliceValue}, never read
 * as zeros.
 */
@Component
class SliceScope {

	private final Partners partners;

	private final SliceOptions options;

	private final BusinessCalendar calendar;

	SliceScope(Partners partners, SliceOptions options, BusinessCalendar calendar) {
		this.partners = partners;
		this.options = options;
		this.calendar = calendar;
	}

	/** The slice {@code viewer} reads when asking for {@code slice}. */
	Slice allowed(Viewer viewer, Slice slice) {
		var scoped = scoped(viewer, slice).resolved(this.calendar.fiscalYearStart());
		// after the access check: a value that names nothing is refused, never read as
		// zeros; a PAM's own book names the PAM signed in, who exists (no statement)
		if (!ownBook(viewer, scoped)) {
			this.options.requireExisting(scoped);
		}
		return scoped;
	}

	private static boolean ownBook(Viewer viewer, Slice scoped) {
		return viewer.is(Role.PAM) && scoped.kind() == Slice.Kind.PAM && scoped.book() == null
				&& scoped.value().equals(String.valueOf(viewer.userId()));
	}

	private Slice scoped(Viewer viewer, Slice slice) {
		var refusal = SliceAccess.refusal(viewer, slice.kind().name(), slice.value(),
				id -> this.partners.manages(viewer, id));
		if (refusal != null) {
			throw new AccessDeniedException(refusal);
		}
		if (viewer.isPartnerUser()) {
			// a partner sees itself: the program slice is read as its own figures
			return new Slice(Slice.Kind.PARTNER, String.valueOf(viewer.partnerId()));
		}
		if (!viewer.is(Role.PAM)) {
			return slice;
		}
		return switch (slice.kind()) {
			case PROGRAM -> new Slice(Slice.Kind.PAM, String.valueOf(viewer.userId()));
			case COHORT, ONBOARDING_QUARTER, VERTICAL, CAPABILITY -> slice.inBook(viewer.userId());
			default -> slice;
		};
	}

}
