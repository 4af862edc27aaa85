package com.trellis.maturity;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner questionnaire's weights: customer profile 3, packaged offers 2
 * (positioning, most 20); sales process 2, deal registration 2 (16); certified staff 2,
 * repeatable delivery 2 (16); AE relationships 3, proof points 1 (16); joint plans 2,
 * pipeline reviews 1 (12). Most 80 points, so the score is 100 × points / 80, rounded
 * down.
 */
class MaturityRuleTests {

	private static final Questionnaire PARTNER = Questionnaire.PARTNER;

	@Test
	void everyPracticeDefinedAndWrittenDownIsRepeatableWithNoWeakArea() {
		var decision = MaturityRule.place(PARTNER, all(2));
		assertThat(decision.score()).isEqualTo(50);
		assertThat(decision.level()).isEqualTo(Level.REPEATABLE);
		assertThat(decision.weaknesses()).as("an area at exactly 50 is not weak").isEmpty();
		assertThat(decision.reason())
			.isEqualTo("50 of 100 (40 of 80 weighted points): Repeatable, 40–59; no weak area");
	}

	@Test
	void eachLevelStartsAtItsBoundAndAScoreJustBelowStaysOneLevelLower() {
		// 16 points = 20, 15 points = 18.75 shown 18
		assertThat(place(16)).isEqualTo(Level.DEVELOPING);
		assertThat(place(15)).isEqualTo(Level.AD_HOC);
		assertThat(place(32)).isEqualTo(Level.REPEATABLE);
		assertThat(place(31)).isEqualTo(Level.DEVELOPING);
		assertThat(place(48)).isEqualTo(Level.SCALED);
		assertThat(place(47)).isEqualTo(Level.REPEATABLE);
		assertThat(MaturityRule.place(PARTNER, pointsOf(47)).score()).as("58.75 is shown rounded down").isEqualTo(58);
		assertThat(place(64)).isEqualTo(Level.ECOSYSTEM_LED);
		assertThat(place(63)).isEqualTo(Level.SCALED);
		assertThat(MaturityRule.place(PARTNER, all(0)).level()).isEqualTo(Level.AD_HOC);
		assertThat(MaturityRule.place(PARTNER, all(4)).score()).isEqualTo(100);
	}

	@Test
	void aHeavierQuestionMovesTheScoreMoreThanALighterOne() {
		var profile = all(0);
		profile.put("partner-customer-profile", 4);
		var proof = all(0);
		proof.put("partner-proof-points", 4);
		assertThat(MaturityRule.place(PARTNER, profile).score()).as("4 × weight 3 = 12 of 80").isEqualTo(15);
		assertThat(MaturityRule.place(PARTNER, proof).score()).as("4 × weight 1 = 4 of 80").isEqualTo(5);
	}

	@Test
	void aWeakAreaGetsItsRecommendationWithTheAnswersThatMadeItWeak() {
		var answers = all(3);
		answers.put("partner-ae-relationships", 1);
		var decision = MaturityRule.place(PARTNER, answers);
		// field: 3 × 1 + 1 × 3 = 6 of 16 = 37.5; overall 48 + 6 = 54 of 80 = 67.5
		assertThat(decision.score()).isEqualTo(67);
		assertThat(decision.level()).isEqualTo(Level.SCALED);
		assertThat(decision.areas()).filteredOn(MaturityRule.AreaScore::weak)
			.singleElement()
			.satisfies(a -> assertThat(a.score()).isEqualTo(37));
		var weakness = decision.weaknesses().get(0);
		assertThat(decision.weaknesses()).hasSize(1);
		assertThat(weakness.area()).isEqualTo("field");
		assertThat(weakness.recommendation()).startsWith("Meet the account executives");
		assertThat(weakness.because()).containsExactly(
				"\"We work with the vendor's account executives on named accounts\" answered 1 (informal, now and then)");
		assertThat(decision.reason())
			.isEqualTo("67 of 100 (54 of 80 weighted points): Scaled, 60–79; weak: Field relationships (37)");
	}

	@Test
	void theProgramQuestionnaireWeighsTwentyPointsInFiveAreasOfTwoQuestions() {
		for (var questionnaire : new Questionnaire[] { Questionnaire.PROGRAM, Questionnaire.PARTNER }) {
			assertThat(questionnaire.questions()).hasSize(10);
			assertThat(questionnaire.areas()).hasSize(5);
			assertThat(questionnaire.questions().stream().mapToInt(Question::weight).sum()).isEqualTo(20);
			assertThat(questionnaire.questions().stream().map(Question::id).distinct()).hasSize(10);
			for (var area : questionnaire.areas()) {
				assertThat(questionnaire.questionsOf(area)).hasSize(2);
			}
		}
	}

	private static Level place(int points) {
		return MaturityRule.place(PARTNER, pointsOf(points)).level();
	}

	/**
	 * Answers worth exactly {@code points}: filled from the heaviest question down, each
	 * up to 4.
	 */
	private static Map<String, Integer> pointsOf(int points) {
		var answers = all(0);
		int left = points;
		var questions = PARTNER.questions().stream().sorted((a, b) -> Integer.compare(b.weight(), a.weight())).toList();
		for (var question : questions) {
			int answer = Math.min(4, left / question.weight());
			answers.put(question.id(), answer);
			left -= answer * question.weight();
		}
		if (left != 0) {
			throw new IllegalArgumentException("cannot make " + points + " points");
		}
		return answers;
	}

	private static Map<String, Integer> all(int answer) {
		var answers = new HashMap<String, Integer>();
		PARTNER.questions().forEach(q -> answers.put(q.id(), answer));
		return answers;
	}

}
