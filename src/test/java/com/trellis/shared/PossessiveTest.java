package com.trellis.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PossessiveTest {

	@Test
	void aNameEndingInSTakesTheApostropheAlone() {
		assertThat(Possessive.of("Nordwind")).isEqualTo("Nordwind's");
		assertThat(Possessive.of("Polar Forge Associates")).isEqualTo("Polar Forge Associates'");
	}

}
