package com.trellis.plans;

import java.io.IOException;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account plans", description = "Joint goals, owners and actions per key partner and account")
class PlanApiController {

	private final AccountPlans plans;

	private final PlanProgress progress;

	private final PlanExport export;

	PlanApiController(AccountPlans plans, PlanProgress progress, PlanExport export) {
		this.plans = plans;
		this.progress = progress;
		this.export = export;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/api/v1/account-plans/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		this.export.write(viewer, q, status, response);
	}

	@PostMapping("/api/v1/account-plans/{id}/close")
	@ActsOn(PlanChecks.Writes.class)
	PlanView close(Viewer viewer, @PathVariable long id, @RequestBody CloseCommand command) {
		return this.progress.close(viewer, id, command);
	}

	@PutMapping("/api/v1/account-plans/{id}/actions/{actionId}/status")
	@ActsOn(PlanChecks.Ticks.class)
	PlanView tick(Viewer viewer, @PathVariable long id, @PathVariable long actionId, @RequestBody TickCommand command) {
		return this.progress.tick(viewer, id, actionId, command);
	}

	/**
	 * One page of the plans the caller reads ({@code page} from 0, {@code size} 1 to 200,
	 * 25 by default), narrowed as the page's list by {@code q} (title, partner or
	 * account) and {@code status} (OPEN or CLOSED); a bad one is refused naming it.
	 */
	@GetMapping("/api/v1/account-plans")
	PageResult<PlanView> list(Viewer viewer, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.plans.list(viewer, q, status == null || status.isBlank() ? null : status,
				PageRequest.of(page, size));
	}

	@GetMapping("/api/v1/account-plans/{id}")
	PlanView get(Viewer viewer, @PathVariable long id) {
		return this.plans.get(viewer, id);
	}

	@PostMapping("/api/v1/account-plans")
	@ResponseStatus(HttpStatus.CREATED)
	@ActsOn(value = PlanChecks.Creates.class, from = ActsOn.From.BODY, key = "partnerId")
	PlanView create(Viewer viewer, @RequestBody PlanCommand command) {
		return this.plans.create(viewer, command);
	}

	@PutMapping("/api/v1/account-plans/{id}")
	@ActsOn(PlanChecks.Writes.class)
	PlanView update(Viewer viewer, @PathVariable long id, @RequestBody PlanCommand command) {
		return this.plans.update(viewer, id, command);
	}

	@PostMapping("/api/v1/account-plans/{id}/actions")
	@ResponseStatus(HttpStatus.CREATED)
	@ActsOn(PlanChecks.Writes.class)
	PlanView addAction(Viewer viewer, @PathVariable long id, @RequestBody ActionCommand command) {
		return this.plans.addAction(viewer, id, command);
	}

	@PutMapping("/api/v1/account-plans/{id}/actions/{actionId}")
	@ActsOn(PlanChecks.Writes.class)
	PlanView updateAction(Viewer viewer, @PathVariable long id, @PathVariable long actionId,
			@RequestBody ActionCommand command) {
		return this.plans.updateAction(viewer, id, actionId, command);
	}

}
