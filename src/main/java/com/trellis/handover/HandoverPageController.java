package com.trellis.handover;

import java.util.ArrayList;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hand-over page on a user's administration page. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class HandoverPageController {

	private final Handover handover;

	private final Users users;

	HandoverPageController(Handover handover, Users users) {
		this.handover = handover;
		this.users = users;
	}

	@GetMapping("/admin/users/{id}/reassign")
	String page(Viewer viewer, @PathVariable long id, Model model) {
		return page(viewer, id, new HandoverCommand(null, null, null, null, null), Map.of(), model);
	}

	@PostMapping("/admin/users/{id}/reassign")
	@com.trellis.identity.ActsOn(com.trellis.identity.UserChecks.Existing.class)
	String reassign(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("form") HandoverCommand command,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(viewer, id, command, FormErrors.of(binding, () -> this.handover.check(viewer, id, command)),
					model);
		}
		try {
			var result = this.handover.handOver(viewer, id, command);
			var done = new StringBuilder();
			result.moved()
				.forEach((kind, moved) -> done.append(done.isEmpty() ? "" : "; ")
					.append(kind.counted(moved.count()))
					.append(" to ")
					.append(moved.toName()));
			redirect.addFlashAttribute("notice", done.isEmpty() ? "Nothing to hand over" : "Handed over: " + done);
			return "redirect:/admin/users/" + id + "/reassign";
		}
		catch (InvalidInputException ex) {
			return page(viewer, id, command, FormErrors.of(ex), model);
		}
	}

	private String page(Viewer viewer, long id, HandoverCommand command, Map<String, String> errors, Model model) {
		var user = this.users.find(id).orElseThrow(() -> new NotFoundException("User", id));
		model.addAttribute("user", user);
		model.addAttribute("held", this.handover.held(viewer, id));
		model.addAttribute("form", command);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", Kind.values());
		var reps = new ArrayList<>(this.users.withRole(Role.AE));
		reps.addAll(this.users.withRole(Role.SALES_MANAGER));
		reps.removeIf(u -> u.id() == id);
		var pams = new ArrayList<>(this.users.withRole(Role.PAM));
		pams.removeIf(u -> u.id() == id);
		var everyone = new ArrayList<>(reps);
		everyone.addAll(pams);
		model.addAttribute("reps", reps);
		model.addAttribute("pams", pams);
		model.addAttribute("everyone", everyone);
		var managers = new ArrayList<>(everyone);
		managers.addAll(this.users.withRole(Role.EXECUTIVE));
		managers.addAll(this.users.withRole(Role.ADMIN));
		managers.removeIf(u -> u.id() == id);
		model.addAttribute("managers", managers);
		return "handover/page";
	}

}
