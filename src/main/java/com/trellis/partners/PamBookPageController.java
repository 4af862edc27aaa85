package com.trellis.partners;

import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.FreeText;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page to move a PAM's whole partner book to another PAM, with a reason, as
 * {@code POST /api/v1/partners/reassignments} does (same checks, audited).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PamBookPageController {

	private final Partners partners;

	private final Users users;

	PamBookPageController(Partners partners, Users users) {
		this.partners = partners;
		this.users = users;
	}

	@GetMapping("/partners/reassign")
	String page(Model model) {
		return page(model, "", "", "", Map.of());
	}

	@PostMapping("/partners/reassign")
	String reassign(Viewer viewer, @RequestParam(required = false) String fromPamId,
			@RequestParam(required = false) String toPamId, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		try {
			var fields = new FormFields();
			var from = fields.id("fromPamId", fromPamId);
			var to = fields.id("toPamId", toPamId);
			if (fromPamId == null || fromPamId.isBlank()) {
				fields.reject("fromPamId", "choose the PAM whose book moves");
			}
			if (toPamId == null || toPamId.isBlank()) {
				fields.reject("toPamId", "choose the PAM who takes the book");
			}
			int[] moved = new int[1];
			fields.check(() -> {
				if (from != null && to != null) {
					moved[0] = this.partners.reassignBook(viewer, from, to, reason);
				}
				else {
					FreeText.required("reason", reason, FreeText.NOTE, "a reason is required");
				}
			});
			redirect.addFlashAttribute("notice", moved[0] + " partners moved");
			return "redirect:/partners/reassign";
		}
		catch (InvalidInputException ex) {
			return page(model, fromPamId, toPamId, reason, FormErrors.of(ex));
		}
	}

	private String page(Model model, String from, String to, String reason, Map<String, String> errors) {
		model.addAttribute("pams", this.users.withRole(Role.PAM));
		model.addAttribute("fromPamId", from);
		model.addAttribute("toPamId", to);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		return "partners/reassign";
	}

}
