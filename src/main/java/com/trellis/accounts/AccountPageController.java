package com.trellis.accounts;

import java.io.IOException;
import java.util.ArrayList;

import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@PreAuthorize("!hasRole('PARTNER')")
class AccountPageController {

	private final Accounts accounts;

	private final Users users;

	AccountPageController(Accounts accounts, Users users) {
		this.accounts = accounts;
		this.users = users;
	}

	@GetMapping("/accounts")
	String list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		var result = this.accounts.search(viewer, q, industry, ownerId, PageRequest.listed(page, size));
		var ownerIds = new ArrayList<Long>();
		result.items().forEach(account -> {
			if (account.ownerAeId() != null) {
				ownerIds.add(account.ownerAeId());
			}
		});
		model.addAttribute("q", q);
		model.addAttribute("industry", industry);
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("result", result);
		model.addAttribute("owners", this.users.byIds(ownerIds));
		return htmx != null ? "accounts/list :: results" : "accounts/list";
	}

	/**
	 * The list (its filters apply) in the Trellis account format, re-importable as is.
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/accounts/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Long ownerId,
			HttpServletResponse response) throws IOException {
		AccountExport.write(this.accounts, viewer, q, industry, ownerId, response);
	}

	@GetMapping("/accounts/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var account = this.accounts.get(viewer, id);
		model.addAttribute("account", account);
		model.addAttribute("canEdit", this.accounts.editable(viewer, account));
		model.addAttribute("owner",
				account.ownerAeId() == null ? null : this.users.find(account.ownerAeId()).orElse(null));
		return "accounts/detail";
	}

}
