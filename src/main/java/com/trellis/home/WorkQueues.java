package com.trellis.home;

import java.util.List;

import com.trellis.credit.CreditDisputes;
import com.trellis.identity.Viewer;
import com.trellis.incentives.MarketDevelopmentFunds;
import com.trellis.leads.LeadStatus;
import com.trellis.leads.Leads;
import com.trellis.process.SalesProcess;
import com.trellis.registration.RegistrationFilter;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.Registrations;
import com.trellis.shared.PageRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What each role does next, at the top of its home page: the PAM's registrations to
 * decide (the oldest approval deadline first), leads to route, credit disputes and MDF
 * requests to decide; the rep's routed leads (the earliest follow-up deadline first); the
 * manager's stalled deals. Each list is read through its module's facade, scoped to the
 * viewer.
 */
@Component
class WorkQueues {

	private static final PageRequest TOP = PageRequest.of(0, 10);

	private final Registrations registrations;

	private final Leads leads;

	private final CreditDisputes disputes;

	private final MarketDevelopmentFunds mdf;

	private final SalesProcess process;

	private final com.trellis.process.OpenChecklists checklists;

	WorkQueues(Registrations registrations, Leads leads, CreditDisputes disputes, MarketDevelopmentFunds mdf,
			SalesProcess process, com.trellis.process.OpenChecklists checklists) {
		this.checklists = checklists;
		this.registrations = registrations;
		this.leads = leads;
		this.disputes = disputes;
		this.mdf = mdf;
		this.process = process;
	}

	void pam(Viewer viewer, Model model) {
		model.addAttribute("toDecide", this.registrations.search(viewer,
				new RegistrationFilter(RegistrationStatus.PENDING, null, false, true), TOP));
		model.addAttribute("onHold", this.registrations.search(viewer,
				new RegistrationFilter(RegistrationStatus.ON_HOLD, null, false, true), TOP));
		model.addAttribute("leadsToRoute", this.leads.search(viewer, LeadStatus.SUBMITTED, TOP));
		model.addAttribute("disputesToDecide", this.disputes.openToDecide(viewer, 10));
		model.addAttribute("mdfToDecide", this.mdf.toDecide(viewer, 10));
	}

	void rep(Viewer viewer, Model model) {
		model.addAttribute("leadsDue", this.leads.search(viewer, LeadStatus.ROUTED, TOP));
		// the deals that wait on the viewer: their stage, their checklist still open
		model.addAttribute("checklistsOpen", this.checklists.of(viewer, 10));
	}

	/** The manager's own queue and the stalled deals of their team ({@code team}). */
	void manager(Viewer viewer, List<Long> team, Model model) {
		rep(viewer, model);
		model.addAttribute("stalled", this.process.stalledOwnedBy(viewer, team, TOP));
	}

}
