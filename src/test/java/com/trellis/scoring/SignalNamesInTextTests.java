package com.trellis.scoring;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signal's name inside a reason ("Signals behind it: distinct AEs inviting -6.3
 * points") keeps its abbreviations in capitals and reads as English.
 */
class SignalNamesInTextTests {

	private static final Pattern ABBREVIATION = Pattern.compile("\\b[A-Z]{2,}s?\\b");

	@Test
	void theInvitingAesSignalReadsAsDistinctAesInvitingInsideASentence() {
		var signal = new InvitingAes();
		assertThat(signal.name()).isEqualTo("Distinct AEs inviting");
		assertThat(signal.nameInText()).isEqualTo("distinct AEs inviting");
		assertThat(new AeInvitations().nameInText()).isEqualTo("AE invitations");
	}

	@Test
	void everySignalOfTheRubricKeepsItsAbbreviationsInsideASentence() {
		for (var entry : Rubric.standard().entries()) {
			var name = entry.signal().name();
			var inText = entry.signal().nameInText();
			var abbreviations = ABBREVIATION.matcher(name).results().map(m -> m.group()).toList();
			abbreviations.forEach(abbreviation -> assertThat(inText).as(name).contains(abbreviation));
			assertThat(inText.substring(1)).as(name).isEqualTo(name.substring(1));
		}
	}

}
