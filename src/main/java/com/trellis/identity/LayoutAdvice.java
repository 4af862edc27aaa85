package com.trellis.identity;

import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in viewer and the navigation that fits their role.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	@ModelAttribute("viewer")
	Viewer viewer() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof TrellisPrincipal principal
				? principal.viewer() : null;
	}

	@ModelAttribute("nav")
	List<NavItem> nav() {
		var viewer = viewer();
		if (viewer == null) {
			return List.of();
		}
		return switch (viewer.role()) {
			case PARTNER ->
				List.of(new NavItem("nav.portal", "/portal"), new NavItem("nav.registerDeal", "/registrations/new"),
						new NavItem("nav.registrations", "/registrations"), new NavItem("nav.leads", "/leads"),
						new NavItem("nav.ourDeals", "/opportunities"), new NavItem("nav.inbox", "/notifications"),
						new NavItem("nav.activationPlan", "/partners/" + viewer.partnerId() + "/activation"),
						new NavItem("nav.enablement", "/enablement"), new NavItem("nav.incentives", "/incentives"),
						new NavItem("nav.metrics", "/metrics"),
						new NavItem("nav.ourProfile", "/partners/" + viewer.partnerId()));
			case AE, SALES_MANAGER ->
				List.of(new NavItem("nav.home", "/"), new NavItem("nav.opportunities", "/opportunities"),
						new NavItem("nav.registrations", "/registrations"), new NavItem("nav.leads", "/leads"),
						new NavItem("nav.process", "/process"), new NavItem("nav.metrics", "/metrics"),
						new NavItem("nav.adoption", "/adoption"), new NavItem("nav.forecast", "/forecast"),
						new NavItem("nav.accounts", "/accounts"), new NavItem("nav.partners", "/partners"));
			default -> List.of(new NavItem("nav.home", "/"), new NavItem("nav.partners", "/partners"),
					new NavItem("nav.activation", "/activation"), new NavItem("nav.enablement", "/enablement"),
					new NavItem("nav.incentives", "/incentives"), new NavItem("nav.metrics", "/metrics"),
					new NavItem("nav.adoption", "/adoption"), new NavItem("nav.forecast", "/forecast"),
					new NavItem("nav.cadence", "/cadence"), new NavItem("nav.registrations", "/registrations"),
					new NavItem("nav.leads", "/leads"), new NavItem("nav.opportunities", "/opportunities"),
					new NavItem("nav.process", "/process"), new NavItem("nav.accounts", "/accounts"));
		};

	}

	record NavItem(String label, String href) {
	}

}
