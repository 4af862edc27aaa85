package com.trellis.plans;

import java.io.IOException;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormOnce;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account plan pages: the plans a viewer reads (a partner user its own partner's),
 * one plan with its goals, owners and actions, and the forms that write them (PAM,
 * account owner side, admins). Forms post and redirect back.
 */
@Controller
class PlanPageController {

	private final AccountPlans plans;

	private final PlanProgress progress;

	private final PlanExport export;

	private final FormOnce once;

	PlanPageController(AccountPlans plans, PlanProgress progress, PlanExport export, FormOnce once) {
		this.once = once;
		this.plans = plans;
		this.progress = progress;
		this.export = export;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/account-plans/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		this.export.write(viewer, q, status, response);
	}

	@PostMapping("/account-plans/{id}/close")
	@ActsOn(PlanChecks.Writes.class)
	String close(Viewer viewer, @PathVariable long id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, "/account-plans/" + id, "Account plan closed", () -> this.progress.close(viewer,
				id, PlanForm.close(form).checked(c -> this.progress.checkClose(viewer, id, c))));
	}

	@PostMapping("/account-plans/{id}/actions/{actionId}/status")
	@ActsOn(PlanChecks.Ticks.class)
	String tick(Viewer viewer, @PathVariable long id, @PathVariable long actionId,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/account-plans/" + id, "Action updated",
				() -> this.progress.tick(viewer, id, actionId, PlanForm.tick(form).checked(c -> {
				})));
	}

	@GetMapping("/account-plans")
	String list(Viewer viewer, @RequestParam(required = false) Long partnerId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model) {
		var chosen = status == null || status.isBlank() ? null : status;
		// a bad status and a bad page or size are named together
		com.trellis.shared.FormErrors
			.checks(() -> AccountPlans.requireStatus(chosen), () -> PageRequest.listed(page, size))
			.run();
		var result = this.plans.list(viewer, q, chosen, PageRequest.listed(page, size));
		model.addAttribute("q", q);
		model.addAttribute("status", chosen);
		model.addAttribute("filtered", (q != null && !q.isBlank()) || chosen != null);
		model.addAttribute("result", result);
		model.addAttribute("plans", result.items());
		model.addAttribute("writes",
				!viewer.isPartnerUser() && viewer.is(Role.ADMIN, Role.PAM, Role.AE, Role.SALES_MANAGER));
		model.addAttribute("partnerId", partnerId);
		model.addAttribute("accountId", accountId);
		// the live filter swaps the results alone
		return htmx != null ? "plans/list :: results" : "plans/list";
	}

	@GetMapping("/account-plans/{id}")
	String detail(Viewer viewer, @PathVariable long id, Model model) {
		var plan = this.plans.get(viewer, id);
		boolean writes = this.progress.writes(viewer, id);
		model.addAttribute("plan", plan);
		model.addAttribute("writes", writes && plan.open());
		// a partner user ticks the actions its own side carries out
		model.addAttribute("ticks", !writes && viewer.isPartnerUser() && plan.open());
		model.addAttribute("closes", writes && plan.open());
		return "plans/detail";
	}

	@PostMapping("/account-plans")
	@ActsOn(value = PlanChecks.Creates.class, from = ActsOn.From.BODY, key = "partnerId")
	String create(Viewer viewer, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		this.plans.requireWrites(viewer, null, null);
		var repeated = new boolean[1];
		var target = FormAction.run(redirect, "/account-plans", "Account plan created",
				() -> repeated[0] = !this.once.run(form.get(FormOnce.FIELD), viewer.userId(), () -> this.plans
					.create(viewer, PlanForm.plan(form).checked(c -> this.plans.check(viewer, null, c)))));
		if (repeated[0]) {
			redirect.addFlashAttribute("notice", FormOnce.REPEATED);
		}
		return target;
	}

	@PostMapping("/account-plans/{id}/actions")
	@ActsOn(PlanChecks.Writes.class)
	String addAction(Viewer viewer, @PathVariable long id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, "/account-plans/" + id, "Action added", () -> this.plans.addAction(viewer, id,
				PlanForm.action(form).checked(c -> this.plans.checkAction(viewer, id, null, c))));
	}

	@PostMapping("/account-plans/{id}/actions/{actionId}")
	@ActsOn(PlanChecks.Writes.class)
	String changeAction(Viewer viewer, @PathVariable long id, @PathVariable long actionId,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/account-plans/" + id, "Action updated", () -> this.plans.updateAction(viewer,
				id, actionId, PlanForm.action(form).checked(c -> this.plans.checkAction(viewer, id, actionId, c))));
	}

}
