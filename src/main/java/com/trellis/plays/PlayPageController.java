package com.trellis.plays;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerType;
import com.trellis.shared.ConflictException;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The play pages: the library (everyone), one play with its versions and effectiveness,
 * the admin's form to write or revise a play, and the plays panel on a deal's page where
 * the deal's AE, its partner's PAM or the partner attaches one. Forms post and redirect
 * back; a refused form keeps what was typed and names every bad field.
 */
@Controller
class PlayPageController {

	private final Plays plays;

	private final PlayEffects effects;

	private final Users users;

	private final PlayRecommendations recommendations;

	PlayPageController(Plays plays, PlayEffects effects, Users users, PlayRecommendations recommendations) {
		this.plays = plays;
		this.effects = effects;
		this.users = users;
		this.recommendations = recommendations;
	}

	@GetMapping("/plays")
	String library(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) SalesMoment moment, @RequestParam(required = false) PlayRole role,
			@org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		model.addAttribute("plays", this.plays.library(q, moment, role));
		model.addAttribute("filtered", (q != null && !q.isBlank()) || moment != null || role != null);
		model.addAttribute("q", q);
		model.addAttribute("moment", moment);
		model.addAttribute("role", role);
		model.addAttribute("moments", SalesMoment.values());
		model.addAttribute("roles", PlayRole.values());
		model.addAttribute("writes", viewer.is(Role.ADMIN));
		// the live filter swaps the results alone
		return htmx != null ? "plays/list :: results" : "plays/list";
	}

	@GetMapping("/plays/new")
	@PreAuthorize("hasRole('ADMIN')")
	String create(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new PlayCommand(null, null, null, null, null, null, null, List.of(), List.of(), List.of()));
		}
		return form(model, null);
	}

	@PostMapping("/plays")
	@PreAuthorize("hasRole('ADMIN')")
	String created(Viewer viewer, @RequestParam(required = false) String title,
			@RequestParam(required = false) String moment, @RequestParam(required = false) String role,
			@RequestParam(required = false) String buyer, @RequestParam(required = false) String whyPartner,
			@RequestParam(required = false) String whenToBring, @RequestParam(required = false) String problem,
			@RequestParam(required = false) List<String> partnerTypes, @RequestParam(required = false) String verticals,
			@RequestParam(required = false) String capabilities, RedirectAttributes redirect) {
		var command = PlayForm.command(title, moment, role, buyer, whyPartner, whenToBring, problem, partnerTypes,
				verticals, capabilities);
		try {
			var play = this.plays.create(viewer, command, PlayCheck.Naming.WORDS);
			redirect.addFlashAttribute("notice", "Play written");
			return "redirect:/plays/" + play.id();
		}
		catch (InvalidInputException ex) {
			refused(redirect, ex, command);
			return "redirect:/plays/new";
		}
	}

	@GetMapping("/plays/{id}/edit")
	@PreAuthorize("hasRole('ADMIN')")
	String edit(@PathVariable long id, Model model) {
		var play = this.plays.get(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PlayCommand(play.title(), play.moment().name(), play.role().name(),
					play.buyer(), play.whyPartner(), play.whenToBring(), play.problem(),
					play.partnerTypes().stream().map(Enum::name).toList(), play.verticals(), play.capabilities()));
		}
		return form(model, play);
	}

	@PostMapping("/plays/{id}")
	@com.trellis.identity.ActsOn(PlayChecks.Existing.class)
	@PreAuthorize("hasRole('ADMIN')")
	String revised(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String moment, @RequestParam(required = false) String role,
			@RequestParam(required = false) String buyer, @RequestParam(required = false) String whyPartner,
			@RequestParam(required = false) String whenToBring, @RequestParam(required = false) String problem,
			@RequestParam(required = false) List<String> partnerTypes, @RequestParam(required = false) String verticals,
			@RequestParam(required = false) String capabilities, RedirectAttributes redirect) {
		int before = this.plays.get(id).version();
		var command = PlayForm.command(title, moment, role, buyer, whyPartner, whenToBring, problem, partnerTypes,
				verticals, capabilities);
		try {
			var play = this.plays.revise(viewer, id, command, PlayCheck.Naming.WORDS);
			redirect.addFlashAttribute("notice", (play.version() == before)
					? "No changes: version " + play.version() + " kept" : "Version " + play.version() + " written");
			return "redirect:/plays/" + id;
		}
		catch (InvalidInputException ex) {
			refused(redirect, ex, command);
			return "redirect:/plays/" + id + "/edit";
		}
	}

	@GetMapping("/plays/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var versions = this.plays.versions(id);
		model.addAttribute("play", versions.get(0));
		model.addAttribute("versions", versions);
		model.addAttribute("writes", viewer.is(Role.ADMIN));
		model.addAttribute("authors", this.users.byIds(versions.stream().map(PlayView::writtenBy).distinct().toList()));
		if (!viewer.isPartnerUser()) {
			model.addAttribute("effect", this.effects.of(id));
		}
		return "plays/detail";
	}

	@GetMapping("/opportunities/{id}/plays")
	String dealPanel(Viewer viewer, @PathVariable long id, Model model) {
		var uses = this.plays.usesOfDeal(viewer, id);
		var deal = this.plays.deal(viewer, id);
		boolean attaches = !deal.stage().isClosed() && deal.partnerId() != null && this.plays.attaches(viewer, deal);
		model.addAttribute("dealId", id);
		model.addAttribute("uses", uses);
		model.addAttribute("attaches", attaches);
		model.addAttribute("withoutPartner", !deal.stage().isClosed() && deal.partnerId() == null);
		model.addAttribute("people", this.users.byIds(uses.stream().map(PlayUse::usedBy).distinct().toList()));
		var used = uses.stream().map(PlayUse::playId).toList();
		model.addAttribute("choices",
				attaches ? this.plays.library().stream().filter(p -> !used.contains(p.id())).toList() : List.of());
		model.addAttribute("recommended", this.recommendations.forDeal(viewer, id));
		return "plays/deal :: panel";
	}

	@PostMapping("/opportunities/{id}/plays")
	@ActsOn(PlayChecks.Attaches.class)
	String attach(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String playId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.plays.requireAttaches(viewer, id);
		try {
			this.plays.attach(viewer, id, new AttachPlay(playId(playId), note));
			redirect.addFlashAttribute("notice", "Play attached");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.readable());
			redirect.addFlashAttribute("fieldErrors", FormErrors.of(ex));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("error", ex.readable());
		}
		return "redirect:/opportunities/" + id;
	}

	private String form(Model model, PlayView play) {
		model.addAttribute("play", play);
		model.addAttribute("moments", SalesMoment.values());
		model.addAttribute("roles", PlayRole.values());
		model.addAttribute("types", PartnerType.values());
		var form = (PlayCommand) model.getAttribute("form");
		model.addAttribute("verticalsText", PlayForm.text(form.verticals()));
		model.addAttribute("capabilitiesText", PlayForm.text(form.capabilities()));
		return "plays/form";
	}

	private static void refused(RedirectAttributes redirect, InvalidInputException ex, PlayCommand command) {
		redirect.addFlashAttribute("error", ex.readable());
		redirect.addFlashAttribute("fieldErrors", FormErrors.of(ex));
		redirect.addFlashAttribute("form", command);
	}

	private static Long playId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.strip().matches("[0-9]{1,18}")) {
			throw InvalidInputException.of("playId", "must be a play id, not '" + value.strip() + "'");
		}
		return Long.valueOf(value.strip());
	}

}
