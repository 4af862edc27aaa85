package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewPasswordRuleTest {

	@Test
	void aLongEnoughPasswordTypedTwiceIsAccepted() {
		assertThat(NewPasswordRule.check("correct horse battery", "correct horse battery", "a@b.example", false))
			.isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedNamingTheNewPassword() {
		assertThat(NewPasswordRule.check("short", "short", "a@b.example", false)).get()
			.isEqualTo(new NewPasswordRule.Refusal("newPassword", "must have at least 12 characters"));
	}

	@Test
	void aMistypedConfirmationIsRefusedNamingTheConfirmation() {
		assertThat(NewPasswordRule.check("correct horse battery", "correct horse batery", "a@b.example", false)).get()
			.extracting(NewPasswordRule.Refusal::field)
			.isEqualTo("confirmation");
	}

	@Test
	void theEmailAddressIsNoPassword() {
		assertThat(NewPasswordRule.check("Someone@Example.com", "Someone@Example.com", "someone@example.com", false))
			.get()
			.extracting(NewPasswordRule.Refusal::reason)
			.isEqualTo("must not be your e-mail address");
	}

	@Test
	void theOneTimePasswordCannotBeKept() {
		assertThat(NewPasswordRule.check("abcdefghijklmnop", "abcdefghijklmnop", "a@b.example", true)).get()
			.extracting(NewPasswordRule.Refusal::reason)
			.isEqualTo("must differ from the password you have now");
	}

	@Test
	void anOverlongPasswordIsRefused() {
		var longest = "x".repeat(129);
		assertThat(NewPasswordRule.check(longest, longest, "a@b.example", false)).get()
			.extracting(NewPasswordRule.Refusal::reason)
			.isEqualTo("must have at most 128 characters");
	}

}
