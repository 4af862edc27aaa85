package com.trellis.guidance;

import com.trellis.identity.AccessCheck;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Component;

/**
 * A recommendation is acted on only by the person it was made for; anyone else gets 404,
 * before the request's form or body is read.
 */
@Component
class GuidanceChecks implements AccessCheck {

	private final Guidance guidance;

	GuidanceChecks(Guidance guidance) {
		this.guidance = guidance;
	}

	@Override
	public void check(Viewer viewer, Request request) {
		var id = request.id();
		if (id != null) {
			this.guidance.requireOwn(viewer, id);
		}
	}

}
