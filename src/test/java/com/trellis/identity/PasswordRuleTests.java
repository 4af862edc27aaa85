package com.trellis.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordRuleTests {

	@Test
	void aLongEnoughPasswordTypedTwiceIsAccepted() {
		assertThat(PasswordRule.check("correct horse battery", "correct horse battery", "jo@example.com", false))
			.isEmpty();
	}

	@Test
	void anEmptyPasswordIsRefusedNamingTheField() {
		assertThat(PasswordRule.check(null, null, "jo@example.com", false).orElseThrow().field()).isEqualTo("password");
	}

	@Test
	void aShortPasswordIsRefusedNamingTheField() {
		var error = PasswordRule.check("short", "short", "jo@example.com", false).orElseThrow();
		assertThat(error.field()).isEqualTo("password");
		assertThat(error.message()).contains("at least 12");
	}

	@Test
	void twelveCharactersAreEnoughEvenWhenTheyAreNotAscii() {
		var password = "ééééééééééée";
		assertThat(PasswordRule.check(password, password, null, false)).isEmpty();
	}

	@Test
	void seventyTwoBytesAreAcceptedAndSeventyThreeAreRefusedRatherThanCutShortByTheHash() {
		var fits = "a".repeat(72);
		assertThat(PasswordRule.check(fits, fits, null, false)).isEmpty();
		var tooLong = "a".repeat(73);
		assertThat(PasswordRule.check(tooLong, tooLong, null, false).orElseThrow().message()).contains("72 bytes");
	}

	@Test
	void twentyFiveEuroSignsAreOnlyTwentyFiveCharactersButSeventyFiveBytesAndAreRefused() {
		var password = "€".repeat(25);
		var error = PasswordRule.check(password, password, null, false).orElseThrow();
		assertThat(error.field()).isEqualTo("password");
		assertThat(error.message()).contains("72 bytes");
	}

	@Test
	void theEmailAddressIsNoPasswordInAnyCase() {
		assertThat(PasswordRule.check("jo.long@example.com", "jo.long@example.com", "Jo.Long@example.com", false))
			.hasValueSatisfying(error -> assertThat(error.message()).contains("e-mail"));
	}

	@Test
	void thePasswordItReplacesIsRefused() {
		assertThat(PasswordRule.check("abcdefghijklmnop", "abcdefghijklmnop", "a@b.example", true))
			.hasValueSatisfying(error -> assertThat(error.message()).contains("differ"));
	}

	@Test
	void controlCharactersAreRefused() {
		assertThat(PasswordRule.check("twelve chars\u0000!", "twelve chars\u0000!", null, false)).isPresent();
	}

	@Test
	void aConfirmationThatDiffersIsNamed() {
		var error = PasswordRule.check("correct horse battery", "correct horse batterz", null, false).orElseThrow();
		assertThat(error.field()).isEqualTo("confirmPassword");
	}

}
