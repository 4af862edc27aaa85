package com.trellis.home;

import java.util.LinkedHashMap;

import com.trellis.activation.ActivationPlans;
import com.trellis.activity.Activity;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.enablement.Enablement;
import com.trellis.identity.Viewer;
import com.trellis.incentives.Incentives;
import com.trellis.incentives.MarketDevelopmentFunds;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.Registrations;
import com.trellis.shared.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a partner user's home shows of their own partner: deals by stage and registrations
 * by status, earnings, MDF fund and requests, the activation plan and training, and what
 * its people did lately (sign-ins left out). Tier and scores come in as the cards of
 * their own modules.
 */
@Component
class PortalHome {

	private final Deals deals;

	private final Registrations registrations;

	private final Incentives incentives;

	private final MarketDevelopmentFunds funds;

	private final ActivationPlans activation;

	private final Enablement enablement;

	private final Activity activity;

	PortalHome(Deals deals, Registrations registrations, Incentives incentives, MarketDevelopmentFunds funds,
			ActivationPlans activation, Enablement enablement, Activity activity) {
		this.deals = deals;
		this.registrations = registrations;
		this.incentives = incentives;
		this.funds = funds;
		this.activation = activation;
		this.enablement = enablement;
		this.activity = activity;
	}

	void fill(Viewer viewer, long partnerId, Model model) {
		// every stage in order, counted in one statement
		model.addAttribute("dealsByStage", new LinkedHashMap<Stage, Long>(this.deals.countByStage(viewer, partnerId)));
		// the statuses with registrations, in the statuses' order, counted in one
		// statement
		var registrationsByStatus = new LinkedHashMap<RegistrationStatus, Long>(
				this.registrations.countByStatus(viewer, partnerId));
		registrationsByStatus.values().removeIf(count -> count == 0);
		model.addAttribute("registrationsByStatus", registrationsByStatus);
		model.addAttribute("statement", this.incentives.statement(viewer, partnerId));
		var requests = new LinkedHashMap<String, Long>();
		this.funds.ofPartner(viewer, partnerId).forEach(r -> requests.merge(r.status(), 1L, Long::sum));
		model.addAttribute("mdfRequests", requests);
		model.addAttribute("plan", plan(viewer, partnerId));
		model.addAttribute("training", this.enablement.ofPartner(viewer, partnerId));
		model.addAttribute("activity", this.activity.recentWork(viewer, partnerId, 10));
	}

	private Object plan(Viewer viewer, long partnerId) {
		try {
			return this.activation.plan(viewer, partnerId);
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

}
