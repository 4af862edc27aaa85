package com.trellis.shared;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorStatusTest {

	@Test
	void aFormPageWithFieldErrorsOrAnErrorMessageIsARejection() {
		assertThat(FormErrorStatus.rejected(Map.of("errors", Map.of("email", "must not be blank")))).isTrue();
		assertThat(FormErrorStatus.rejected(Map.of("fieldErrors", Map.of("name", "too long")))).isTrue();
		assertThat(FormErrorStatus.rejected(Map.of("error", "Nothing imported"))).isTrue();
	}

	@Test
	void aPageWithoutErrorsOrWithEmptyOnesIsNot() {
		assertThat(FormErrorStatus.rejected(Map.of("errors", Map.of(), "fieldErrors", List.of(), "error", " ")))
			.isFalse();
		assertThat(FormErrorStatus.rejected(Map.of("report", "anything"))).isFalse();
	}

}
