package com.trellis.invitations;

import java.io.Serializable;

import com.trellis.shared.validation.EmailAddress;
import com.trellis.shared.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/**
 * Whom to invite to a partner.
 *
 * @param name how Trellis shows the person
 * @param email where the invitation goes; the person signs in with it
 */
public record InviteCommand(@NotBlank @PlainText(max = 200) String name,
		@NotBlank @Email @EmailAddress @PlainText(max = 254) String email) implements Serializable {
}
