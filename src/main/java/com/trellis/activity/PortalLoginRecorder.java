package com.trellis.activity;

import com.trellis.identity.Viewer;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * A partner user signing in to the portal is a behaviour signal; record it.
 */
@Component
class PortalLoginRecorder {

	private final Activity activity;

	PortalLoginRecorder(Activity activity) {
		this.activity = activity;
	}

	@EventListener
	void onLogin(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof Viewer.Holder holder
				&& holder.viewer().isPartnerUser()) {
			var viewer = holder.viewer();
			this.activity.record(viewer.partnerId(), viewer.userId(), "PORTAL_LOGIN", "Signed in to the portal");
		}
	}

}
