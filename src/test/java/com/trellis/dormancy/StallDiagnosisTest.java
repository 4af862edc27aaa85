package com.trellis.dormancy;

import com.trellis.dormancy.StallDiagnosis.Cause;
import com.trellis.dormancy.StallDiagnosis.Evidence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StallDiagnosisTest {

	@Test
	void rejectedAndLostDealsWithoutAWinPointToFit() {
		var diagnosis = StallDiagnosis.diagnose(new Evidence(3, 0, 2, 2, false, false));
		assertThat(diagnosis.cause()).isEqualTo(Cause.FIT);
		assertThat(diagnosis.evidence()).startsWith("3 registrations rejected or deals lost");
	}

	@Test
	void nobodyThroughTheirTrackPointsToTraining() {
		var diagnosis = StallDiagnosis.diagnose(new Evidence(1, 0, 3, 0, false, false));
		assertThat(diagnosis.cause()).isEqualTo(Cause.TRAINING);
		assertThat(diagnosis.evidence()).contains("none of its 3 users");
	}

	@Test
	void noEarningsPointToIncentiveWhereIncentiveDataExists() {
		assertThat(StallDiagnosis.diagnose(new Evidence(0, 1, 2, 1, true, false)).cause()).isEqualTo(Cause.INCENTIVE);
	}

	@Test
	void otherwiseTheCauseIsUnknownWithTheEvidenceShown() {
		var diagnosis = StallDiagnosis.diagnose(new Evidence(0, 1, 2, 1, false, false));
		assertThat(diagnosis.cause()).isEqualTo(Cause.UNKNOWN);
		assertThat(diagnosis.evidence()).contains("1 of 2 users").contains("incentive data not available");
	}

}
