package com.trellis.identity;

import com.trellis.shared.validation.EmailAddress;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A vendor user as an admin creates or edits them. The e-mail is their sign-in name
 * (unique without regard to case); the manager must be an active vendor user and must not
 * report to this user. {@code initialPassword} says, on creation only, how the new user
 * gets their first password (empty: an e-mailed link when a mail server is configured,
 * otherwise a one-time password); an edit ignores it.
 */
public record UserCommand(@NotBlank @Email @EmailAddress @PlainText(max = 254) String email,
		@NotBlank @PlainText(max = 120) String displayName, @NotNull Role role, @PlainText(max = 80) String team,
		Long managerId, @PlainText(max = 80) String jobRole, InitialPassword initialPassword) {

	public UserCommand(String email, String displayName, Role role, String team, Long managerId, String jobRole) {
		this(email, displayName, role, team, managerId, jobRole, null);
	}

	/** How a new user gets their first password. */
	public enum InitialPassword {

		/**
		 * An e-mail with a single-use link where they choose it (the password reset
		 * link).
		 */
		EMAIL_LINK,

		/** A one-time password shown once to the admin, replaced at the first sign-in. */
		ONE_TIME_PASSWORD

	}

}
