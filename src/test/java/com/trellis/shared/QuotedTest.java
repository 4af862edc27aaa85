package com.trellis.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedTest {

	@Test
	void aLongValueIsCutAndControlsAreWrittenAsCodePoints() {
		assertThat(Quoted.of("\u202EHealthcare")).isEqualTo("U+202EHealthcare");
		assertThat(Quoted.of("a\u0000b\u200Bc")).isEqualTo("aU+0000bU+200Bc");
		assertThat(Quoted.of("x".repeat(5000))).isEqualTo("x".repeat(60) + "…");
		assertThat(Quoted.of("\uD83D\uDE00".repeat(61))).isEqualTo("\uD83D\uDE00".repeat(60) + "…");
		assertThat(Quoted.of("Zoë")).isEqualTo("Zoë");
	}

}
