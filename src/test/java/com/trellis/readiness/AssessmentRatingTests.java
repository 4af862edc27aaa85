package com.trellis.readiness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentRatingTests {

	@Test
	void aCompleteAssessmentBackedByWinsAndWellRatedMaterialScoresOneHundred() {
		var rating = AssessmentRating.rate(new AssessmentRating.Facts(
				"Mid-market retailers with 50-500 stores running their own e-commerce", 3, 0, 4, 2, 5.0, 1, 5));
		assertThat(rating.points()).isEqualTo(100);
	}

	@Test
	void useCasesWithoutProofCountLittleAndTheReasonSaysSo() {
		var rating = AssessmentRating.rate(new AssessmentRating.Facts("Retail.", 0, 2, 2, 0, null, 0, 1));
		// ICP too short 0, use cases 2 x 3, sales process 2 x 5, delivery 1 x 2
		assertThat(rating.points()).isEqualTo(6 + 10 + 2);
		assertThat(rating.reason()).contains("ICP not defined (0)", "0 use cases proven by a win, 2 without proof (6)",
				"no material rated by the PAM (0)");
		// one of a kind reads in the singular (try71b: "1 packaged offers")
		assertThat(AssessmentRating.rate(new AssessmentRating.Facts("Retail.", 1, 0, 2, 1, null, 1, 1)).reason())
			.contains("1 use case proven by a win", "1 packaged offer (5)", "1 specialisation backed by a win");
	}

	@Test
	void materialCountsThePamsAverageRatingFromOneToFiveStars() {
		var three = AssessmentRating.rate(new AssessmentRating.Facts("", 0, 0, 0, 0, 3.0, 0, 0));
		assertThat(three.points()).isEqualTo(5);
		var one = AssessmentRating.rate(new AssessmentRating.Facts("", 0, 0, 0, 0, 1.0, 0, 0));
		assertThat(one.points()).isZero();
	}

}
