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
		assertThat(diagnosis.compared()).isEqualTo(new AdoptionDiagnosis.Compared("2026-Q4", 52, "2026-Q3"));
	}

}
