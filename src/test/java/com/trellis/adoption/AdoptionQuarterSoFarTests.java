package com.trellis.adoption;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis of a quarter that is not over compares it with the same elapsed part of
 * the quarter before (issue 12, item 15). Today is Sunday 22 November 2026.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class AdoptionQuarterSoFarTests {

	@Autowired
	Adoption adoption;

	@Autowired
	Fixtures fixtures;

	@Test
	void theDiagnosisComparesTheQuarterSoFarWithTheSameDaysOfTheQuarterBefore() {
		var diagnosis = this.adoption.diagnosis(this.fixtures.user(Role.ADMIN));
		assertThat(diagnosis.evidence()).contains("2026-Q4 to date, 52 days, against the same 52 days of 2026-Q3");
	}

}
