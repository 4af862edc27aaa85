package com.trellis.webhooks;

import java.util.List;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A subscription to save: where to send, which event types ({@code deal.won}, …), a note
 * for the admin, and (on update) whether it is enabled.
 */
public record WebhookCommand(@NotBlank @Size(max = 500) String url,
		@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 60) String> eventTypes,
		@PlainText(max = 200) String description, Boolean enabled) {
}
