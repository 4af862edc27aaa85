package com.trellis.maturity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Places a complete set of answers on the five-level scale. Each answer (0–4) counts with
 * its question's weight; the score is the weighted points as a share of the most there
 * are, in whole percent rounded down, so a score shown as 59 is never level 4. The level
 * is the highest whose lower bound the score reaches ({@link Level}). An area whose own
 * score is below {@value #WEAK_BELOW} (its answers average below "defined and written
 * down") is weak: it gets the area's recommendation with the answers that made it weak,
 * those below {@value #WEAK_ANSWER_BELOW}.
 */
final class MaturityRule {

	static final int WEAK_BELOW = 50;

	static final int WEAK_ANSWER_BELOW = 2;

	/** One area's score and whether it is weak. */
	record AreaScore(String area, String name, int score, boolean weak) {
	}

	/** A weak area's recommendation and the answers behind it. */
	record Weakness(String area, String name, String recommendation, List<String> because) {
	}

	/** Where the answers place the subject, and why. */
	record Decision(int score, Level level, List<AreaScore> areas, List<Weakness> weaknesses, String reason) {
	}

	private MaturityRule() {
	}

	/**
	 * @param answers one answer 0–4 for every question of the questionnaire (checked
	 * before by {@link AnswerCheck})
	 */
	static Decision place(Questionnaire questionnaire, Map<String, Integer> answers) {
		int points = 0;
		int most = 0;
		var areas = new ArrayList<AreaScore>();
		var weaknesses = new ArrayList<Weakness>();
		for (var area : questionnaire.areas()) {
			int areaPoints = 0;
			int areaMost = 0;
			var because = new ArrayList<String>();
			for (var question : questionnaire.questionsOf(area)) {
				int answer = answer(answers, question);
				areaPoints += question.weight() * answer;
				areaMost += question.weight() * Questionnaire.TOP;
				if (answer < WEAK_ANSWER_BELOW) {
					because.add("\"" + question.text() + "\" answered " + answer + " ("
							+ Questionnaire.SCALE.get(answer).toLowerCase(java.util.Locale.ROOT) + ")");
				}
			}
			int score = percent(areaPoints, areaMost);
			boolean weak = score < WEAK_BELOW;
			areas.add(new AreaScore(area.id(), area.name(), score, weak));
			if (weak) {
				weaknesses.add(new Weakness(area.id(), area.name(), area.recommendation(), List.copyOf(because)));
			}
			points += areaPoints;
			most += areaMost;
		}
		int score = percent(points, most);
		var level = levelOf(score);
		var reason = "%d of 100 (%d of %d weighted points): %s, %d–%d; %s".formatted(score, points, most, level.label(),
				level.from(), level.to(),
				weaknesses.isEmpty() ? "no weak area" : "weak: " + String.join(", ", weaknesses.stream()
					.map(w -> w.name() + " ("
							+ areas.stream().filter(a -> a.area().equals(w.area())).findFirst().orElseThrow().score()
							+ ")")
					.toList()));
		return new Decision(score, level, List.copyOf(areas), List.copyOf(weaknesses), reason);
	}

	static Level levelOf(int score) {
		var level = Level.AD_HOC;
		for (var candidate : Level.values()) {
			if (score >= candidate.from()) {
				level = candidate;
			}
		}
		return level;
	}

	private static int answer(Map<String, Integer> answers, Question question) {
		var answer = answers.get(question.id());
		if (answer == null || answer < 0 || answer > Questionnaire.TOP) {
			throw new IllegalArgumentException("No valid answer to " + question.id());
		}
		return answer;
	}

	/** Whole percent, rounded down. */
	private static int percent(int points, int most) {
		return most == 0 ? 0 : 100 * points / most;
	}

}
