package com.trellis.partners;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.trellis.activity.Activity;
import com.trellis.identity.ActsOn;
import com.trellis.identity.PartnerContacts;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import com.trellis.shared.FormAction;
import com.trellis.shared.PageRequest;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PartnerPageController {

	private final Partners partners;

	private final Users users;

	private final Activity activity;

	private final PartnerContacts contacts;

	PartnerPageController(Partners partners, Users users, Activity activity, PartnerContacts contacts) {
		this.partners = partners;
		this.users = users;
		this.activity = activity;
		this.contacts = contacts;
	}

	@GetMapping("/partners")
	String list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) PartnerType type, @RequestParam(required = false) Tier tier,
			@RequestParam(required = false) LifecycleStatus lifecycle, @RequestParam(required = false) Long pamId,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "false") boolean desc,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (viewer.isPartnerUser()) {
			return "redirect:/partners/" + viewer.partnerId();
		}
		// a bad sort and a bad page are named together
		com.trellis.shared.FormErrors
			.checks(() -> new PartnerFilter(q, type, tier, lifecycle, pamId, sort, desc),
					() -> PageRequest.listed(page, size))
			.run();
		var filter = new PartnerFilter(q, type, tier, lifecycle, pamId, sort, desc);
		var result = this.partners.search(viewer, filter, PageRequest.listed(page, size));
		var ownerIds = new ArrayList<Long>();
		result.items().forEach(partner -> ownerIds.add(partner.ownerPamId()));
		model.addAttribute("filter", filter);
		model.addAttribute("result", result);
		model.addAttribute("owners", this.users.byIds(ownerIds));
		model.addAttribute("pams", this.users.withRole(Role.PAM));
		model.addAttribute("types", PartnerType.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("statuses", LifecycleStatus.values());
		return htmx != null ? "partners/list :: results" : "partners/list";
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/partners/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) PartnerType type, @RequestParam(required = false) Tier tier,
			@RequestParam(required = false) LifecycleStatus lifecycle, @RequestParam(required = false) Long pamId,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "false") boolean desc,
			HttpServletResponse response) throws IOException {
		// the list's order, as the reader sorted it
		var filter = new PartnerFilter(q, type, tier, lifecycle, pamId, sort, desc);
		CsvExport.write(response, "partners.csv",
				List.of("id", "name", "type", "web_domain", "verticals", "capabilities", "region", "onboarded_on",
						"owner_pam_id", "lifecycle_status", "tier"),
				page -> this.partners.search(viewer, filter, new PageRequest(page, PageRequest.MAX_SIZE)),
				p -> List.of(p.id(), p.name(), p.type(), nullToEmpty(p.webDomain()), String.join(";", p.verticals()),
						String.join(";", p.capabilities()), p.region(), nullToEmpty(p.onboardedOn()), p.ownerPamId(),
						p.lifecycleStatus(), p.tier()));
	}

	/**
	 * The partner's contacts (all its partner users, with {@code state} ACTIVE or
	 * DEACTIVATED: contacts not yet invited and users who left too) in the Trellis
	 * contacts format's columns, so the file imports back unchanged; whoever sees the
	 * partner may export them (another partner's user gets 404).
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/partners/{id}/contacts.csv")
	void contacts(Viewer viewer, @PathVariable long id, HttpServletResponse response) throws IOException {
		var partner = this.partners.get(viewer, id);
		var rows = new java.util.ArrayList<List<?>>();
		rows.add(List.of("partner_id", "email", "name", "job_role", "state"));
		this.contacts.ofPartner(partner.id())
			.forEach(c -> rows.add(List.of(partner.id(), c.user().email(), c.user().displayName(),
					nullToEmpty(c.user().jobRole()), c.active() ? "ACTIVE" : "DEACTIVATED")));
		CsvExport.writeRows(response, "contacts.csv", rows);
	}

	private static Object nullToEmpty(Object value) {
		return value == null ? "" : value;
	}

	@GetMapping("/partners/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var partner = this.partners.get(viewer, id);
		model.addAttribute("partner", partner);
		model.addAttribute("owner", this.users.find(partner.ownerPamId()).orElse(null));
		model.addAttribute("history", this.partners.lifecycleHistory(viewer, id));
		model.addAttribute("people", this.users.byIds(historyActors(viewer, id)));
		model.addAttribute("partnerUsers", this.users.ofPartner(viewer, id));
		model.addAttribute("activity", this.activity.recent(viewer, id, 15));
		model.addAttribute("canEdit", this.partners.canEdit(viewer, partner));
		model.addAttribute("nextStatuses", partner.lifecycleStatus().next());
		return "partners/detail";
	}

	@PostMapping("/partners/{id}/lifecycle")
	@ActsOn(PartnerChecks.Managed.class)
	String changeLifecycle(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String toStatus,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		// the choice read inside the action: a bad one comes back beside the typed reason
		return FormAction.run(redirect, "/partners/" + id, "Lifecycle changed",
				() -> this.partners.changeLifecycle(viewer, id,
						com.trellis.shared.FormFields.chosen("toStatus", toStatus, LifecycleStatus.class), reason));
	}

	private List<Long> historyActors(Viewer viewer, long id) {
		return this.partners.lifecycleHistory(viewer, id)
			.stream()
			.map(LifecycleChange::changedBy)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
	}

}
