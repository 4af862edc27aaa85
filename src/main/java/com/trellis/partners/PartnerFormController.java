package com.trellis.partners;

import java.io.Serializable;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.FormOnce;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's create and edit pages: the admin adds a partner, the admin or its PAM
 * edits one. The form is read field by field and checked as the API checks its body; a
 * bad field is shown next to it (400) and nothing is saved.
 */
@Controller
class PartnerFormController {

	private final Partners partners;

	private final Users users;

	private final Commands commands;

	private final FormOnce once;

	PartnerFormController(Partners partners, Users users, Commands commands, FormOnce once) {
		this.once = once;
		this.partners = partners;
		this.users = users;
		this.commands = commands;
	}

	@GetMapping("/partners/new")
	@PreAuthorize("hasRole('ADMIN')")
	String create(Model model) {
		return form(model, PartnerForm.empty(), null, java.util.Map.of());
	}

	@PostMapping("/partners/new")
	@PreAuthorize("hasRole('ADMIN')")
	String create(Viewer viewer, @ModelAttribute("form") PartnerForm form,
			@RequestParam(name = FormOnce.FIELD, required = false) String once, Model model,
			RedirectAttributes redirect) {
		try {
			var sent = this.once.send(once, viewer.userId(),
					() -> "/partners/" + this.partners.create(viewer, command(form)).id());
			redirect.addFlashAttribute("notice", sent.notice("Partner added"));
			return "redirect:" + sent.target();
		}
		catch (InvalidInputException ex) {
			return form(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/partners/{id}/edit")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	String edit(Viewer viewer, @PathVariable long id, Model model) {
		var partner = this.partners.get(viewer, id);
		return form(model, PartnerForm.of(partner, this.partners.version(id)), partner, java.util.Map.of());
	}

	@PostMapping("/partners/{id}/edit")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	String edit(Viewer viewer, @PathVariable long id, @ModelAttribute("form") PartnerForm form, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		var partner = this.partners.get(viewer, id);
		try {
			this.partners.update(viewer, id, command(form), FormFields.seenVersion(form.version()));
			redirect.addFlashAttribute("notice", "Partner saved");
			return "redirect:/partners/" + id;
		}
		catch (InvalidInputException ex) {
			return form(model, form, partner, FormErrors.of(ex));
		}
		catch (com.trellis.shared.ConflictException ex) {
			// kept as typed with the current version: saved again, it wins
			response.setStatus(org.springframework.http.HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", ex.reason());
			return form(model, form.seeing(this.partners.version(id)), this.partners.get(viewer, id),
					java.util.Map.of());
		}
	}

	private PartnerCommand command(PartnerForm form) {
		var fields = new FormFields();
		var command = new PartnerCommand(form.name(), fields.choice("type", form.type(), PartnerType.class),
				form.webDomain(), FormFields.list(form.verticals()), FormFields.list(form.capabilities()),
				form.region(), fields.date("onboardedOn", form.onboardedOn()),
				fields.id("ownerPamId", form.ownerPamId()), fields.choice("tier", form.tier(), Tier.class));
		fields.check(() -> this.commands.check(command));
		return command;
	}

	private String form(Model model, PartnerForm form, PartnerView partner, java.util.Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("partner", partner);
		model.addAttribute("errors", errors);
		model.addAttribute("types", PartnerType.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("pams", this.users.withRole(Role.PAM));
		return "partners/form";
	}

	/** The partner form as typed: every field as text, read by {@link FormFields}. */
	record PartnerForm(String name, String type, String webDomain, String verticals, String capabilities, String region,
			String onboardedOn, String ownerPamId, String tier, String version) implements Serializable {

		static PartnerForm empty() {
			return new PartnerForm("", "", "", "", "", "", "", "", Tier.TIER_3_BASELINE.name(), "");
		}

		static PartnerForm of(PartnerView partner, long version) {
			return new PartnerForm(partner.name(), partner.type().name(),
					(partner.webDomain() == null) ? "" : partner.webDomain(), String.join(", ", partner.verticals()),
					String.join(", ", partner.capabilities()), partner.region(),
					(partner.onboardedOn() == null) ? "" : partner.onboardedOn().toString(),
					String.valueOf(partner.ownerPamId()), partner.tier().name(), String.valueOf(version));
		}

		PartnerForm seeing(long version) {
			return new PartnerForm(this.name, this.type, this.webDomain, this.verticals, this.capabilities, this.region,
					this.onboardedOn, this.ownerPamId, this.tier, String.valueOf(version));
		}

	}

}
