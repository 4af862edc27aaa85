package com.trellis.forecast;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageNormsTest {

	@Test
	void usesTheMedianOfTheDealsOwnGroupWhenItHasEnoughHistory() {
		var norm = StageNorms.choose(new StageNorms.Stats(30, new BigDecimal("12.5")),
				new StageNorms.Stats(200, new BigDecimal("20")), 21);
		assertThat(norm.days()).isEqualTo(13);
		assertThat(norm.basis()).isEqualTo("median of 30 closed deals of the same group");
	}

	@Test
	void fallsBackToTheWiderGroupThenToTheConfiguredNorm() {
		var wider = StageNorms.choose(new StageNorms.Stats(29, new BigDecimal("3")),
				new StageNorms.Stats(80, new BigDecimal("17.4")), 21);
		assertThat(wider.days()).isEqualTo(17);
		assertThat(wider.basis()).isEqualTo("only 29 closed deals in its group; median of 80 in the wider group");

		var configured = StageNorms.choose(null, new StageNorms.Stats(10, new BigDecimal("5")), 21);
		assertThat(configured.days()).isEqualTo(21);
		assertThat(configured.basis()).isEqualTo("too little history; configured stage norm");
	}

}
