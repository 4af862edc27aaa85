package com.trellis.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactStateTests {

	@Test
	void aStateIsReadInAnyCaseAndNothingElseIsAState() {
		assertThat(ContactState.of("Deactivated")).contains(ContactState.DEACTIVATED);
		assertThat(ContactState.of("active")).contains(ContactState.ACTIVE);
		assertThat(ContactState.of("suspended")).isEmpty();
	}

	@Test
	void aRowAskingForWhatIsGetsNoNotice() {
		assertThat(ContactState.ACTIVE.notice(true)).isEmpty();
		assertThat(ContactState.DEACTIVATED.notice(false)).isEmpty();
		assertThat(ContactState.DEACTIVATED.notice(null)).isEmpty();
	}

	@Test
	void aRowAskingToOpenOrCloseAnAccountKeepsItAndSaysWhoCanChangeIt() {
		assertThat(ContactState.ACTIVE.notice(false)).get()
			.asString()
			.startsWith("kept DEACTIVATED")
			.contains("invites");
		assertThat(ContactState.DEACTIVATED.notice(true)).get().asString().startsWith("kept ACTIVE").contains("admin");
		assertThat(ContactState.ACTIVE.notice(null)).get().asString().startsWith("created DEACTIVATED");
	}

}
