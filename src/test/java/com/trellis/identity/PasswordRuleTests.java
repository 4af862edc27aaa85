package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRuleTests {

	@Test
	void aLongEnoughPasswordTypedTwiceIsAccepted() {
		assertThat(PasswordRule.check("correct horse battery", "correct horse battery", "jo@example.com")).isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedNamingTheField() {
		var error = PasswordRule.check("short", "short", "jo@example.com").orElseThrow();
		assertThat(error.field()).isEqualTo("password");
		assertThat(error.message()).contains("at least 12");
	}

	@Test
	void aPasswordLongerThanTheHashReadsIsRefusedRatherThanCutShort() {
		var password = "é".repeat(40);
		assertThat(PasswordRule.check(password, password, null).orElseThrow().message()).contains("72 bytes");
	}

	@Test
	void theEmailAddressIsNoPassword() {
		assertThat(PasswordRule.check("jo.long@example.com", "jo.long@example.com", "Jo.Long@example.com"))
			.hasValueSatisfying(error -> assertThat(error.message()).contains("e-mail"));
	}

	@Test
	void controlCharactersAreRefused() {
		assertThat(PasswordRule.check("twelve chars\u0000!", "twelve chars\u0000!", null)).isPresent();
	}

	@Test
	void aConfirmationThatDiffersIsNamed() {
		var error = PasswordRule.check("correct horse battery", "correct horse batterz", null).orElseThrow();
		assertThat(error.field()).isEqualTo("confirmPassword");
	}

}
