package com.trellis.cosell;

import java.util.List;

import com.trellis.deals.OpportunityView;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account mapping",
		description = "The AE view: partners present at an account or a deal, attached in one click")
class AeViewApiController {

	private final AeView view;

	private final OverlapActions actions;

	AeViewApiController(AeView view, OverlapActions actions) {
		this.view = view;
		this.actions = actions;
	}

	/**
	 * The partners that have the account on their list (vendor staff; 403 "This is for
	 * vendor staff" for a partner user, whatever the id, as on the page).
	 */
	@GetMapping("/api/v1/accounts/{id}/partners")
	@PreAuthorize("!hasRole('PARTNER')")
	List<PartnerHere> onAccount(Viewer viewer, @PathVariable long id) {
		return this.view.onAccount(viewer, id);
	}

	/**
	 * The partners present at the deal's account, the deal's own marked attached (vendor
	 * staff; 403 for a partner user, even on its own deal: the other partners at an
	 * account are not a partner's to see).
	 */
	@GetMapping("/api/v1/opportunities/{id}/partners")
	@PreAuthorize("!hasRole('PARTNER')")
	List<PartnerHere> onDeal(Viewer viewer, @PathVariable long id) {
		return this.view.onDeal(viewer, id);
	}

	/** Puts a partner on the deal as influencer or co-seller (owner side, admins). */
	@PostMapping("/api/v1/opportunities/{id}/partner-attachment")
	@PreAuthorize("hasAnyRole('ADMIN', 'AE', 'SALES_MANAGER')")
	@ActsOn(CoSellChecks.Attaches.class)
	OpportunityView attach(Viewer viewer, @PathVariable long id, @RequestBody AttachFromOverlap command) {
		return this.actions.attach(viewer, id, command);
	}

}
