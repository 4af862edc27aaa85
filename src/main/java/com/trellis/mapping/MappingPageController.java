package com.trellis.mapping;

import com.trellis.identity.Viewer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The account mapping panel on an account's page (loaded there by htmx, so the accounts
 * module needs nothing of this one): the partners that have the account on their list.
 */
@Controller
class MappingPageController {

	private final PartnersOnAccount onAccount;

	MappingPageController(PartnersOnAccount onAccount) {
		this.onAccount = onAccount;
	}

	@GetMapping("/accounts/{id}/partners")
	@PreAuthorize("!hasRole('PARTNER')")
	String partnersOnAccount(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("presences", this.onAccount.of(viewer, id));
		return "mapping/on-account :: panel";
	}

}
