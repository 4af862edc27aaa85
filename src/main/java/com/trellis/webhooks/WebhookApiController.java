package com.trellis.webhooks;

import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.trellis.shared.BodyChecks;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbound webhook subscriptions, for program admins only. Creating a subscription or
 * rotating its secret answers the secret; nothing else ever does.
 */
@Tag(name = "Webhooks", description = "Outbound webhook subscriptions, secrets and delivery logs (program admins)")
@RestController
@PreAuthorize("hasRole('ADMIN')")
class WebhookApiController {

	private final Webhooks webhooks;

	WebhookApiController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/api/v1/webhooks")
	@PreAuthorize("hasRole('ADMIN')")
	List<WebhookSubscription> list(Viewer viewer) {
		return this.webhooks.list(viewer);
	}

	@GetMapping("/api/v1/webhooks/event-types")
	@PreAuthorize("hasRole('ADMIN')")
	List<String> eventTypes() {
		return WebhookEventType.wireNames();
	}

	@PostMapping("/api/v1/webhooks")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@com.trellis.identity.SecretInAnswer
	WebhookSecret create(Viewer viewer, @Valid @RequestBody WebhookCommand command, BindingResult binding) {
		BodyChecks.require(binding, () -> this.webhooks.check(viewer, command));
		return this.webhooks.create(viewer, command);
	}

	@GetMapping("/api/v1/webhooks/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	WebhookSubscription get(Viewer viewer, @PathVariable long id) {
		return this.webhooks.get(viewer, id);
	}

	@PutMapping("/api/v1/webhooks/{id}")
	@com.trellis.identity.ActsOn(WebhookChecks.class)
	@PreAuthorize("hasRole('ADMIN')")
	WebhookSubscription update(Viewer viewer, @PathVariable long id, @Valid @RequestBody WebhookCommand command,
			BindingResult binding) {
		BodyChecks.require(binding, () -> this.webhooks.check(viewer, command));
		return this.webhooks.update(viewer, id, command);
	}

	@DeleteMapping("/api/v1/webhooks/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Viewer viewer, @PathVariable long id) {
		this.webhooks.delete(viewer, id);
	}

	@PostMapping("/api/v1/webhooks/{id}/secret")
	@PreAuthorize("hasRole('ADMIN')")
	WebhookSecret rotateSecret(Viewer viewer, @PathVariable long id) {
		return this.webhooks.rotateSecret(viewer, id);
	}

	@GetMapping("/api/v1/webhooks/{id}/deliveries")
	@PreAuthorize("hasRole('ADMIN')")
	PageResult<WebhookDelivery> deliveries(Viewer viewer, @PathVariable long id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.webhooks.deliveries(viewer, id, PageRequest.of(page, size));
	}

}
