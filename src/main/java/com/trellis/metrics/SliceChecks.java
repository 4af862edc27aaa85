package com.trellis.metrics;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The slice rule ({@link SliceAccess}) for every KPI, funnel and metrics endpoint, named
 * with {@link com.trellis.identity.ActsOn} on the {@code slice} parameter so it runs
 * before the slice and period are validated. {@link Kpis} checks again when it computes.
 */
@Component
class SliceChecks implements AccessCheck {

	private final Partners partners;

	SliceChecks(Partners partners) {
		this.partners = partners;
	}

	@Override
	public void check(Viewer viewer, Request request) {
		var refusal = SliceAccess.refusal(viewer, request.text("slice"), request.text("sliceValue"),
				id -> this.partners.manages(viewer, id));
		if (refusal != null) {
			throw new AccessDeniedException(refusal);
		}
	}

}
