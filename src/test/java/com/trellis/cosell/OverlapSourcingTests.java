package com.trellis.cosell;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverlapSourcingTests {

	private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

	@Test
	void aPartnerTheFieldPutOnADealAfterItsOverlapWasShownIsOverlapSourced() {
		var decision = OverlapSourcing.decide(true, Optional.of(new OverlapSourcing.Shown(7, NOON.minusSeconds(60))),
				NOON);
		assertThat(decision.sourced()).isTrue();
		assertThat(decision.reason()).contains("user 7");
	}

	@Test
	void anOverlapNeverShownOrShownOnlyAfterwardsDoesNotSourceTheDeal() {
		assertThat(OverlapSourcing.decide(true, Optional.empty(), NOON).sourced()).isFalse();
		var later = OverlapSourcing.decide(true, Optional.of(new OverlapSourcing.Shown(7, NOON.plusSeconds(1))), NOON);
		assertThat(later.sourced()).isFalse();
		assertThat(later.reason()).contains("only after");
	}

	@Test
	void aPartnerBroughtByARegistrationOrAnImportIsNotOverlapSourced() {
		var decision = OverlapSourcing.decide(false, Optional.of(new OverlapSourcing.Shown(7, NOON.minusSeconds(60))),
				NOON);
		assertThat(decision.sourced()).isFalse();
		assertThat(decision.reason()).contains("registration or an import");
	}

}
