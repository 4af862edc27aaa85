package com.trellis.shared;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryBackoffTest {

	@Test
	void waitsLongerAfterEachFailureUpToFourHours() {
		assertThat(DeliveryBackoff.after(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(DeliveryBackoff.after(2)).isEqualTo(Duration.ofMinutes(5));
		assertThat(DeliveryBackoff.after(3)).isEqualTo(Duration.ofMinutes(15));
		assertThat(DeliveryBackoff.after(4)).isEqualTo(Duration.ofHours(1));
		assertThat(DeliveryBackoff.after(9)).isEqualTo(Duration.ofHours(4));
	}

	@Test
	void givesUpOnlyAtTheTwelfthFailure() {
		assertThat(DeliveryBackoff.givesUp(11)).isFalse();
		assertThat(DeliveryBackoff.givesUp(12)).isTrue();
	}

}
