package com.trellis.adoption;

import java.math.BigDecimal;

import com.trellis.adoption.AdoptionDiagnosis.Finding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptionDiagnosisTest {

	@Test
	void flatRevenueWithCapablePartnersIdleIsAnAdoptionProblem() {
		var diagnosis = AdoptionDiagnosis.decide(new BigDecimal("104000"), new BigDecimal("100000"), 10, 3,
				new BigDecimal("40"), new BigDecimal("30"));
		assertThat(diagnosis.finding()).isEqualTo(Finding.ADOPTION_PROBLEM);
		assertThat(diagnosis.growthPercent()).isEqualByComparingTo("4.0");
		assertThat(diagnosis.idleCapable()).isEqualTo(3);
		assertThat(diagnosis.capable()).isEqualTo(10);
	}

	@Test
	void engagedPartnersThatDoNotWinBetterAreAPartnerOrMotionProblem() {
		var diagnosis = AdoptionDiagnosis.decide(new BigDecimal("150000"), new BigDecimal("100000"), 10, 1,
				new BigDecimal("28"), new BigDecimal("30"));
		assertThat(diagnosis.finding()).isEqualTo(Finding.PARTNER_OR_MOTION_PROBLEM);
		assertThat(diagnosis.partnerWinRate()).isEqualByComparingTo("28");
		assertThat(diagnosis.directWinRate()).isEqualByComparingTo("30");
	}

	@Test
	void growingRevenueWithPartnersWinningMoreIsHealthy() {
		assertThat(AdoptionDiagnosis
			.decide(new BigDecimal("150000"), new BigDecimal("100000"), 10, 1, new BigDecimal("45"),
					new BigDecimal("30"))
			.finding()).isEqualTo(Finding.HEALTHY);
	}

}
