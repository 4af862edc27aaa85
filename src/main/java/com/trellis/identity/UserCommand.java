package com.trellis.identity;

import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A vendor user as an admin creates or edits them. The e-mail is their sign-in name
 * (unique without regard to case); the manager must be an active vendor user and must not
 * report to this user.
 */
public record UserCommand(@NotBlank @Email @PlainText(max = 254) String email,
		@NotBlank @PlainText(max = 120) String displayName, @NotNull Role role, @PlainText(max = 80) String team,
		Long managerId, @PlainText(max = 80) String jobRole) {
}
