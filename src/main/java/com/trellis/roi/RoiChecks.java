package com.trellis.roi;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The partner an ROI read asks for ({@code partner} on the query), decided before the
 * rest of the query is read ({@link com.trellis.identity.ActsOn}): a partner user asking
 * for another partner, or a PAM for a partner outside their book, gets the 404 the report
 * answers for a partner outside the viewer's scope ({@link RoiScope}), whatever else the
 * query holds (a bad {@code quarter} was named first).
 */
@Component
class RoiChecks implements AccessCheck {

	private final Partners partners;

	RoiChecks(Partners partners) {
		this.partners = partners;
	}

	@Override
	public void check(Viewer viewer, Request request) {
		var id = request.id();
		if (id == null) {
			return;
		}
		boolean outside = viewer.isPartnerUser() ? !id.equals(viewer.scopePartnerId())
				: viewer.is(Role.PAM) && !this.partners.manages(viewer, id);
		if (outside) {
			throw new NotFoundException("Partner", id);
		}
	}

}
