package com.trellis.leads;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.shared.BodyChecks;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Partner leads", description = "Leads partners hand to the vendor: routing, acceptance, follow-up")
class LeadApiController {

	private final Leads leads;

	private final RouteCheck routes;

	LeadApiController(Leads leads, RouteCheck routes) {
		this.leads = leads;
		this.routes = routes;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PARTNER', 'PAM', 'ADMIN')")
	@Operation(summary = "Submit a lead",
			description = "Routed at once to the owner of the matching account (same web domain, else same company name); otherwise the partner's PAM picks a rep. A partner user's partner is always their own.")
	@ActsOn(value = PartnerChecks.ActedForInBody.class, from = ActsOn.From.BODY, key = "partnerId")
	LeadView submit(Viewer viewer, @Valid @RequestBody LeadCommand command) {
		return this.leads.submit(viewer, command);
	}

	@GetMapping
	PageResult<LeadView> list(Viewer viewer, @RequestParam(required = false) LeadStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.leads.search(viewer, status, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	LeadView get(Viewer viewer, @PathVariable long id) {
		return this.leads.get(viewer, id);
	}

	@PostMapping("/{id}/route")
	@PreAuthorize("hasAnyRole('PAM', 'ADMIN')")
	@Operation(summary = "Pick the rep for a lead, or hand it to another rep before it is followed up or decided",
			description = "Refused naming partnerId for a prospect or sunset partner's lead; 409 naming repId for "
					+ "the rep it is with, followedUpAt once followed up, status once decided.")
	@ActsOn(LeadChecks.Routed.class)
	LeadView route(Viewer viewer, @PathVariable long id, @Valid @RequestBody RouteCheck.Route route,
			BindingResult binding) {
		// a rep that cannot be read is named with the lead's own state
		BodyChecks.require(binding, () -> this.routes.check(viewer, id, route.repId()));
		return this.leads.route(viewer, id, route.repId());
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize("hasAnyRole('AE', 'SALES_MANAGER', 'ADMIN')")
	@Operation(summary = "Accept a lead, optionally opening a partner-sourced deal from it",
			description = "Refused naming partnerId for a prospect or sunset partner's lead. When the lead's company "
					+ "matches more than one account, a deal is opened only on the one named by accountId.")
	@ActsOn(LeadChecks.Worked.class)
	LeadView accept(Viewer viewer, @PathVariable long id, @Valid @RequestBody(required = false) AcceptCommand command,
			BindingResult binding) {
		var accepting = command == null ? AcceptCommand.ONLY_ACCEPT : command;
		// the deal's own checks (a past close date), the partner's and the account's are
		// named with the annotations
		BodyChecks.require(binding, () -> this.leads.checkAcceptance(viewer, id, accepting));
		return this.leads.accept(viewer, id, accepting);
	}

	@PostMapping("/{id}/decline")
	@PreAuthorize("hasAnyRole('AE', 'SALES_MANAGER', 'ADMIN')")
	@ActsOn(LeadChecks.Worked.class)
	LeadView decline(Viewer viewer, @PathVariable long id, @RequestBody Reason reason) {
		return this.leads.decline(viewer, id, reason.reason());
	}

	@PostMapping("/{id}/follow-up")
	@PreAuthorize("hasAnyRole('AE', 'SALES_MANAGER', 'ADMIN')")
	@Operation(summary = "Record the first follow-up with the customer (now)",
			description = "Says what happened: type CALL, MEETING or EMAIL, or a note, or both; "
					+ "an empty follow-up is refused naming note.")
	@ActsOn(LeadChecks.Worked.class)
	LeadView followUp(Viewer viewer, @PathVariable long id, @RequestBody(required = false) Note note) {
		return this.leads.followUp(viewer, id, note == null ? null : note.type(), note == null ? null : note.note());
	}

	record Reason(String reason) {
	}

	record Note(String type, String note) {
	}

}
