package com.trellis.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimeLinkTests {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	@Test
	void aNewLinkKeepsOnlyTheHashOfItsSecretAndExpiresAfterItsTime() {
		var link = OneTimeLink.issue(NOW, Duration.ofDays(7));
		assertThat(link.secret()).hasSizeGreaterThanOrEqualTo(43).doesNotContain("=", "+", "/");
		assertThat(link.hash()).isEqualTo(OneTimeLink.hash(link.secret())).isNotEqualTo(link.secret()).hasSize(64);
		assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
		assertThat(OneTimeLink.issue(NOW, Duration.ofDays(7)).secret()).isNotEqualTo(link.secret());
	}

	@Test
	void aLinkOpensUntilItsExpiryAndNotAtIt() {
		var expires = NOW.plusSeconds(3600);
		assertThat(OneTimeLink.state(expires, null, null, expires.minusSeconds(1))).isEqualTo(OneTimeLink.State.OPEN);
		assertThat(OneTimeLink.state(expires, null, null, expires)).isEqualTo(OneTimeLink.State.EXPIRED);
	}

	@Test
	void aUsedLinkSaysSoEvenAfterItExpiredOrWasRevoked() {
		var expires = NOW.plusSeconds(3600);
		assertThat(OneTimeLink.state(expires, NOW, null, NOW)).isEqualTo(OneTimeLink.State.USED);
		assertThat(OneTimeLink.state(expires, NOW, null, expires.plusSeconds(1))).isEqualTo(OneTimeLink.State.USED);
		assertThat(OneTimeLink.state(expires, null, NOW, expires.plusSeconds(1))).isEqualTo(OneTimeLink.State.REVOKED);
		assertThat(OneTimeLink.State.REVOKED.reason()).contains("withdrawn");
	}

	@Test
	void validitiesAreWrittenAsAPersonReadsThem() {
		assertThat(OneTimeLink.describe(Duration.ofDays(7))).isEqualTo("7 days");
		assertThat(OneTimeLink.describe(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(OneTimeLink.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
	}

}
