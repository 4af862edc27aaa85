package com.trellis.enablement;

import com.trellis.identity.Role;
import com.trellis.shared.PageFigureStore;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enablement program page's rates as the daily job stored them (issue 15) are the
 * per-request ones, each of the four counts.
 */
@TrellisTest
class EnablementFiguresTests {

	@Autowired
	EnablementFigures figures;

	@Autowired
	Enablement enablement;

	@Autowired
	PageFigureStore store;

	@Autowired
	Fixtures fixtures;

	@AfterEach
	void computePerRequestAgain() {
		this.store.clear(EnablementFigures.NAME);
	}

	@Test
	void theStoredRatesAreThePerRequestOnes() {
		var pam = this.fixtures.user(Role.PAM);
		this.store.clear(EnablementFigures.NAME);
		assertThat(this.figures.rates(pam).asOf()).as("nothing stored yet").isNull();
		assertThat(this.figures.storeDaily()).isTrue();
		assertThat(this.figures.storeDaily()).as("once a business day").isFalse();
		var shown = this.figures.rates(pam);
		assertThat(shown.asOf()).isNotNull();
		var now = this.enablement.programRates(pam);
		assertThat(now).hasSize(4).allSatisfy((name, count) -> assertThat(count).isNotNull());
		assertThat(now.get("usersStarted")).isPositive();
		// JSONB keeps no key order; the page reads the counts by name
		assertThat(shown.value()).isEqualTo(now);
	}

}
