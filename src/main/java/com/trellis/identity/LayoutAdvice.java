package com.trellis.identity;

import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in viewer, the navigation that fits their role and the
 * business time zone; nothing to a handler that answers with its body, such as the API's
 * ({@link com.trellis.shared.PageModel#forPage}).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice implements com.trellis.shared.PageModel {

	private final com.trellis.shared.BusinessCalendar calendar;

	LayoutAdvice(com.trellis.shared.BusinessCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * The business time zone: pages show moments as days and times in it
	 * ({@code #temporals.format(moment.atZone(businessZone), …)}), never in the JVM's.
	 */
	@Override
	public java.util.Map<String, Object> attributes() {
		var attributes = new java.util.HashMap<String, Object>();
		attributes.put("businessZone", this.calendar.zone());
		attributes.put("viewer", viewer());
		attributes.put("nav", nav());
		return attributes;
	}

	@ModelAttribute("businessZone")
	java.time.ZoneId businessZone() {
		return com.trellis.shared.PageModel.forPage() ? this.calendar.zone() : null;
	}

	@ModelAttribute("viewer")
	Viewer viewerOfPage() {
		return com.trellis.shared.PageModel.forPage() ? viewer() : null;
	}

	/** The signed-in viewer, or null. */
	Viewer viewer() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Viewer.Holder principal
				? principal.viewer() : null;
	}

	@ModelAttribute("nav")
	List<NavItem> navOfPage() {
		return com.trellis.shared.PageModel.forPage() ? nav() : null;
	}

	/** The navigation for the signed-in viewer's role. */
	List<NavItem> nav() {
		var viewer = viewer();
		if (viewer == null) {
			return List.of();
		}
		return switch (viewer.role()) {
			case PARTNER -> List.of(link("nav.portal", "/portal"), guidance(),
					group("nav.groupDeals", link("nav.registerDeal", "/registrations/new"),
							link("nav.registrations", "/registrations"), link("nav.leads", "/leads"),
							link("nav.ourDeals", "/opportunities"), link("nav.cosell", "/cosell"),
							link("nav.accountPlans", "/account-plans"), link("nav.plays", "/plays"),
							link("nav.accountList", "/partners/" + viewer.partnerId() + "/account-list")),
					group("nav.groupGrowth",
							link("nav.activationPlan", "/partners/" + viewer.partnerId() + "/activation"),
							link("nav.enablement", "/enablement"), link("nav.incentives", "/incentives"),
							link("nav.ourScores", "/partners/" + viewer.partnerId() + "/scorecard"),
							link("nav.ourTier", "/partners/" + viewer.partnerId() + "/tier"),
							link("nav.readiness", "/partners/" + viewer.partnerId() + "/readiness"),
							link("nav.ourMaturity", "/partners/" + viewer.partnerId() + "/maturity"),
							link("nav.ourRoi", "/roi")),
					link("nav.inbox", "/notifications"), link("nav.colleagues", "/portal/colleagues"),
					link("nav.ourProfile", "/partners/" + viewer.partnerId()));
			case AE -> List.of(link("nav.home", "/"), guidance(), deals(), link("nav.partners", "/partners"),
					group("nav.groupInsights", link("nav.metrics", "/metrics"), link("nav.adoption", "/adoption"),
							link("nav.forecast", "/forecast")));
			case SALES_MANAGER -> List.of(link("nav.home", "/"), guidance(), deals(), link("nav.partners", "/partners"),
					group("nav.groupInsights", link("nav.metrics", "/metrics"), link("nav.adoption", "/adoption"),
							link("nav.forecast", "/forecast")),
					link("nav.hygiene", "/hygiene"));
			case ADMIN -> List.of(link("nav.home", "/"), guidance(), partnersGroup(true), deals(), insights(),
					group("nav.groupProgram", link("nav.users", "/admin/users"), link("nav.imports", "/imports"),
							link("nav.hygiene", "/hygiene"), link("nav.exchangeRates", "/admin/exchange-rates"),
							link("nav.webhooks", "/admin/webhooks"), link("nav.audit", "/admin/audit")));
			case PAM -> List.of(link("nav.home", "/"), guidance(), partnersGroup(false), deals(), insights(),
					group("nav.groupBookData", link("nav.hygiene", "/hygiene"),
							link("nav.importFormats", "/imports/trellis")));
			default -> List.of(link("nav.home", "/"), guidance(), partnersGroup(true), deals(), insights());
		};
	}

	/**
	 * @param program with the program's tiers page (admins and executives)
	 */
	private static NavItem partnersGroup(boolean program) {
		var items = new java.util.ArrayList<>(List.of(link("nav.partners", "/partners"),
				link("nav.activation", "/activation"), link("nav.enablement", "/enablement"),
				link("nav.incentives", "/incentives"), link("nav.scores", "/scores"), link("nav.cohorts", "/cohorts"),
				link("nav.maturity", "/maturity")));
		if (program) {
			items.add(link("nav.tiers", "/tiers"));
		}
		return group("nav.groupPartners", items.toArray(NavItem[]::new));
	}

	/** Every role's own recommendations (§C16). */
	private static NavItem guidance() {
		return link("nav.guidance", "/guidance");
	}

	private static NavItem insights() {
		return group("nav.groupInsights", link("nav.metrics", "/metrics"), link("nav.adoption", "/adoption"),
				link("nav.forecast", "/forecast"), link("nav.cadence", "/cadence"), link("nav.roi", "/roi"));
	}

	private static NavItem deals() {
		return group("nav.groupDeals", link("nav.opportunities", "/opportunities"),
				link("nav.registrations", "/registrations"), link("nav.leads", "/leads"),
				link("nav.process", "/process"), link("nav.accounts", "/accounts"), link("nav.cosell", "/cosell"),
				link("nav.accountPlans", "/account-plans"), link("nav.plays", "/plays"),
				link("nav.holidays", "/holidays"));
	}

	private static NavItem link(String label, String href) {
		return new NavItem(label, href, List.of());
	}

	private static NavItem group(String label, NavItem... items) {
		return new NavItem(label, null, List.of(items));
	}

	/** A link, or a group of links when {@code items} is not empty. */
	record NavItem(String label, String href, List<NavItem> items) {
	}

}
