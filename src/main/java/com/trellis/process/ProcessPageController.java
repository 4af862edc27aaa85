package com.trellis.process;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import com.trellis.deals.Stage;
import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormErrors;
import com.trellis.shared.FormFields;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ProcessPageController {

	private final SalesProcess process;

	private final Commands commands;

	private final StalledScope scope;

	private final StageConfiguration configuration;

	ProcessPageController(SalesProcess process, StageConfiguration configuration, Commands commands,
			StalledScope scope) {
		this.process = process;
		this.configuration = configuration;
		this.commands = commands;
		this.scope = scope;
	}

	@GetMapping("/opportunities/{id}/process")
	String panel(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("process", this.process.of(viewer, id));
		return "process/panel :: panel";
	}

	@PostMapping("/opportunities/{id}/checklist")
	@ActsOn(ProcessChecks.StageOwner.class)
	String tick(Viewer viewer, @PathVariable long id, @RequestParam String item,
			@RequestParam(defaultValue = "false") boolean ticked, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.process.tick(viewer, id, item, ticked));
	}

	@PostMapping("/opportunities/{id}/advance")
	@ActsOn(ProcessChecks.StageOwner.class)
	String advance(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String seenStage,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.process.advance(viewer, id, stage("seenStage", seenStage)));
	}

	@PostMapping("/opportunities/{id}/move-back")
	@ActsOn(ProcessChecks.StageOwner.class)
	String moveBack(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String toStage,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String seenStage,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> this.process.moveBack(viewer, id, stage("toStage", toStage), reason,
				stage("seenStage", seenStage)));
	}

	@PostMapping("/opportunities/{id}/disqualify")
	@ActsOn(ProcessChecks.StageOwner.class)
	String disqualify(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String seenStage, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.process.disqualify(viewer, id, reason, stage("seenStage", seenStage)));
	}

	@PostMapping("/opportunities/{id}/joint-owners")
	@ActsOn(ProcessChecks.StageOwner.class)
	String jointOwners(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String relationshipOwner,
			@RequestParam(required = false) String technicalOwner, RedirectAttributes redirect) {
		return act(id, redirect,
				() -> this.process.setJointOwners(viewer, id, new JointOwners(relationshipOwner, technicalOwner)));
	}

	@GetMapping("/process")
	@PreAuthorize("!hasRole('PARTNER')")
	String page(Viewer viewer, @RequestParam(required = false) Boolean mine,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("stages", this.process.stages());
		model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.EXECUTIVE).toList());
		var owners = this.scope.owners(viewer, mine);
		model.addAttribute("mine", owners != null);
		model.addAttribute("scoped", viewer.is(Role.AE) || viewer.is(Role.SALES_MANAGER));
		model.addAttribute("stalled", this.process.stalledOwnedBy(viewer, owners, PageRequest.listed(page, size)));
		return "process/page";
	}

	/**
	 * The stalled deals the page lists (the same {@code mine}), every page in its order,
	 * as CSV: each deal with its stage, the days in it against the stage's norm (whole
	 * days), who must act, and its amount in its currency at its minor unit (empty when
	 * the amount is unknown); moments in UTC (ISO 8601).
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/process/stalled.csv")
	@PreAuthorize("!hasRole('PARTNER')")
	void stalled(Viewer viewer, @RequestParam(required = false) Boolean mine,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		var owners = this.scope.owners(viewer, mine);
		com.trellis.shared.CsvExport.write(response, "stalled-deals.csv",
				List.of("opportunity_id", "deal", "account_id", "account", "stage", "stage_name", "stage_entered_at",
						"days_in_stage", "norm_days", "must_act", "owner_id", "partner_id", "amount", "currency",
						"close_date"),
				page -> this.process.stalledOwnedBy(viewer, owners, new PageRequest(page, PageRequest.MAX_SIZE)), s -> {
					var deal = s.stalled().deal();
					return java.util.Arrays.asList(deal.id(), deal.name(), deal.accountId(), deal.accountName(),
							deal.stage(), s.stageName(), deal.stageEnteredAt(), s.stalled().daysInStage(),
							s.stalled().normDays(), s.actor(), deal.ownerId(), deal.partnerId(),
							deal.amountUnknown() ? null : deal.amount(), deal.currency(), deal.closeDate());
				});
	}

	/**
	 * Saves one stage with the API's checks (the stage definition's constraints, then the
	 * process's own rules); a bad field is shown next to it on the page (400) and nothing
	 * is saved.
	 */
	@PostMapping("/process/stages/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	String configure(Viewer viewer, @PathVariable Stage code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String ownerRole, @RequestParam(required = false) String exitCriterion,
			@RequestParam(defaultValue = "") String checklist, @RequestParam(required = false) String normDays,
			@RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes redirect) {
		try {
			var fields = new FormFields();
			var items = checklist.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
			var stage = new StageDefinition(code, 0, name, fields.choice("ownerRole", ownerRole, Role.class),
					exitCriterion, items, fields.whole("normDays", normDays), active);
			fields.check(() -> this.commands.check(stage));
			this.configuration.configure(viewer, stage);
			redirect.addFlashAttribute("notice", "Saved " + name);
			return "redirect:/process";
		}
		catch (InvalidInputException ex) {
			var errors = StageFormErrors.byTypedLine(ex, checklist);
			model.addAttribute("fieldErrors", FormErrors.of(errors));
			// the form shows what was typed, not the saved stage
			var typed = new java.util.HashMap<String, String>();
			typed.put("name", name);
			typed.put("ownerRole", ownerRole);
			typed.put("exitCriterion", exitCriterion);
			typed.put("checklist", checklist);
			typed.put("normDays", normDays);
			typed.put("active", String.valueOf(active));
			model.addAttribute("typed", typed);
			model.addAttribute("errorStage", code);
			model.addAttribute("error", "Nothing was saved: " + errors.readable());
			return page(viewer, null, null, null, model);
		}
	}

	/**
	 * A stage as the panel's forms send it, read inside the action so that a bad one
	 * comes back beside the form as typed (try70a: an error page lost the reason).
	 */
	private static Stage stage(String field, String value) {
		return com.trellis.shared.FormFields.chosen(field, value, Stage.class);
	}

	private String act(long id, RedirectAttributes redirect, Supplier<DealProcess> action) {
		var view = FormAction.run(redirect, "/opportunities/" + id, null, action::get);
		// the panel, loaded by a request of its own, gets the refused form's text back
		FormAction.alsoToPanel(redirect, "/opportunities/" + id + "/process", java.util.Map.of(), "refusedForm");
		return view;
	}

}
