package com.trellis.home;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import com.trellis.activity.Activity;
import com.trellis.deals.DealFilter;
import com.trellis.deals.Deals;
import com.trellis.forecast.ProgramOutlook;
import com.trellis.guidance.Guidance;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerFilter;
import com.trellis.partners.Partners;
import com.trellis.registration.RegistrationFilter;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.Registrations;
import com.trellis.shared.PageRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sends each role to the home page that fits it.
 */
@Controller
class HomeController {

	private static final int TOP_RECOMMENDATIONS = 5;

	private final Partners partners;

	private final Deals deals;

	private final Activity activity;

	private final Users users;

	private final ObjectMapper json;

	private final Clock clock;

	private final Registrations registrations;

	private final WorkQueues queues;

	private final ProgramOutlook outlook;

	private final PortalHome portal;

	private final Guidance guidance;

	HomeController(Partners partners, Deals deals, Activity activity, Users users, ObjectMapper json, Clock clock,
			Registrations registrations, WorkQueues queues, ProgramOutlook outlook, PortalHome portal,
			Guidance guidance) {
		this.guidance = guidance;
		this.portal = portal;
		this.outlook = outlook;
		this.queues = queues;
		this.registrations = registrations;
		this.partners = partners;
		this.deals = deals;
		this.activity = activity;
		this.users = users;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Viewer viewer, Model model) {
		if (!viewer.isPartnerUser()) {
			// each role's home page leads with its top recommendations
			model.addAttribute("guidance", this.guidance.top(viewer, TOP_RECOMMENDATIONS));
		}
		return switch (viewer.role()) {
			case PARTNER -> "redirect:/portal";
			case ADMIN, EXECUTIVE -> program(viewer, model);
			case PAM -> book(viewer, model);
			case AE -> rep(viewer, model);
			case SALES_MANAGER -> team(viewer, model);
		};
	}

	@GetMapping("/portal")
	String portal(Viewer viewer, Model model) {
		if (!viewer.isPartnerUser()) {
			return "redirect:/";
		}
		var partner = this.partners.get(viewer, viewer.partnerId());
		model.addAttribute("partner", partner);
		model.addAttribute("pam", this.users.find(partner.ownerPamId()).orElse(null));
		pipeline(model, this.deals.openPipeline(viewer, null, null));
		// only the page's deals are shown: counted no further than a list page counts
		model.addAttribute("recentDeals",
				this.deals.search(viewer, DealFilter.none(), PageRequest.listed(0, 10)).items());
		this.portal.fill(viewer, viewer.partnerId(), model);
		model.addAttribute("guidance", this.guidance.top(viewer, TOP_RECOMMENDATIONS));
		return "home/portal";
	}

	private String program(Viewer viewer, Model model) {
		lifecycle(model, this.partners.countByLifecycle(viewer, null));
		pipeline(model, this.deals.openPipeline(viewer, null, null));
		model.addAttribute("activeLast30",
				this.activity.partnersActiveSince(viewer, this.clock.instant().minus(Duration.ofDays(30))));
		model.addAttribute("heading", viewer.is(Role.ADMIN) ? "home.program" : "home.executive");
		// one reporting currency, the quarter's bookings and forecast against the target
		model.addAttribute("outlook", this.outlook.thisQuarter(viewer));
		if (viewer.is(Role.ADMIN)) {
			// the admin runs the program's queues; the executive reads its outcomes
			this.queues.pam(viewer, model);
			model.addAttribute("slaBreaches", this.registrations.breaches(viewer, PageRequest.of(0, 1)).total());
		}
		return "home/program";
	}

	private String book(Viewer viewer, Model model) {
		var book = this.partners.book(viewer.userId());
		lifecycle(model, this.partners.countByLifecycle(viewer, viewer.userId()));
		pipeline(model, this.deals.openPipeline(viewer, null, book));
		var filter = new PartnerFilter(null, null, null, LifecycleStatus.DORMANT, viewer.userId(), "name", false);
		model.addAttribute("dormant", this.partners.search(viewer, filter, PageRequest.of(0, 10)));
		var onboarding = new PartnerFilter(null, null, null, LifecycleStatus.ONBOARDING, viewer.userId(), "onboardedOn",
				true);
		model.addAttribute("onboarding", this.partners.search(viewer, onboarding, PageRequest.of(0, 10)));
		model.addAttribute("bookSize", book.size());
		model.addAttribute("pendingRegistrations",
				this.registrations
					.search(viewer, new RegistrationFilter(RegistrationStatus.PENDING, null, false, true),
							PageRequest.of(0, 1))
					.total());
		model.addAttribute("slaBreaches", this.registrations.breaches(viewer, PageRequest.of(0, 1)).total());
		this.queues.pam(viewer, model);
		return "home/book";
	}

	private String rep(Viewer viewer, Model model) {
		var mine = List.of(viewer.userId());
		pipeline(model, this.deals.openPipeline(viewer, mine, null));
		dealsOf(viewer, model, mine);
		this.queues.rep(viewer, model);
		model.addAttribute("heading", "home.rep");
		return "home/pipeline";
	}

	private String team(Viewer viewer, Model model) {
		var team = this.users.ownersOf(viewer);
		pipeline(model, this.deals.openPipeline(viewer, team, null));
		dealsOf(viewer, model, team);
		model.addAttribute("teamSize", team.size() - 1);
		this.queues.manager(viewer, team, model);
		model.addAttribute("heading", "home.team");
		return "home/pipeline";
	}

	private void dealsOf(Viewer viewer, Model model, List<Long> owners) {
		var open = new DealFilter(null, null, true, null, null, null, null);
		var page = this.deals.searchOwnedBy(viewer, owners, open, PageRequest.of(0, 15));
		var partnerIds = page.items().stream().filter(d -> d.partnerId() != null).map(d -> d.partnerId()).distinct();
		model.addAttribute("openDeals", page);
		model.addAttribute("partnerNames", this.partners.names(viewer, partnerIds.toList()));
		model.addAttribute("owners", this.users.byIds(owners));
	}

	private void lifecycle(Model model, Map<LifecycleStatus, Long> counts) {
		Map<String, Long> ordered = new LinkedHashMap<>();
		for (var status : LifecycleStatus.values()) {
			ordered.put(status.label(), counts.getOrDefault(status, 0L));
		}
		model.addAttribute("lifecycle", ordered);
		model.addAttribute("partnerTotal", ordered.values().stream().mapToLong(Long::longValue).sum());
		var chart = Map.of("type", "doughnut", "data",
				Map.of("labels", ordered.keySet(), "datasets",
						List.of(Map.of("data", ordered.values(), "backgroundColor",
								List.of("#c5cae9", "#ffcc80", "#81c784", "#e57373", "#bdbdbd")))),
				"options", Map.of("plugins", Map.of("legend", Map.of("position", "right"))));
		model.addAttribute("lifecycleChart", this.json.writeValueAsString(chart));
	}

	private void pipeline(Model model, List<com.trellis.deals.PipelineLine> lines) {
		var figures = PipelineFigures.of(lines);
		model.addAttribute("pipeline", figures);
		model.addAttribute("pipelineChart", this.json.writeValueAsString(figures.chart()));
	}

}
