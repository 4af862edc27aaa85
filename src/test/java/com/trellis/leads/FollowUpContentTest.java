package com.trellis.leads;

import com.trellis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpContentTest {

	@Test
	void anEmptyFollowUpIsRefusedNamingTheNote() {
		assertThatThrownBy(() -> FollowUpContent.decide(null, "  ")).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("note"));
		assertThatThrownBy(() -> FollowUpContent.decide("", null)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aTypeAloneOrANoteAloneSaysWhatHappened() {
		assertThat(FollowUpContent.decide("CALL", null).type()).isEqualTo(FollowUpContent.FollowUpType.CALL);
		assertThat(FollowUpContent.decide("EMAIL", null).type()).isEqualTo(FollowUpContent.FollowUpType.EMAIL);
		assertThat(FollowUpContent.decide(null, " Intro call booked ").note()).isEqualTo("Intro call booked");
	}

	@Test
	void aTypeIsReadOnlyFromItsExactName() {
		for (var loose : new String[] { "call", "e-mail", "Email", " MEETING" }) {
			assertThatThrownBy(() -> FollowUpContent.decide(loose, null)).isInstanceOfSatisfying(
					InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field() + ": " + e.message())
						.containsExactly("type: must be one of CALL, MEETING, EMAIL"));
		}
	}

	@Test
	void anUnknownTypeIsRefusedNamingTheType() {
		assertThatThrownBy(() -> FollowUpContent.decide("carrier pigeon", "sent")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("type"));
	}

}
