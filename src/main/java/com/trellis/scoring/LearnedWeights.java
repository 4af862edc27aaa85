package com.trellis.scoring;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Learns each score's weights from the program's own outcomes: a logistic regression of
 * "created the pipeline in the next 180 days" ({@link PipelineOutcome}) on the score's
 * signals ({@link Features}), trained on the partners as of the last
 * {@value #TRAINING_CUTOFFS} month-ends whose 180 days were over by the day scored. Only
 * records before that day are read, so a score as of a past day never learns from what
 * came after it. When {@link EnoughHistory} says no, the score keeps the default rubric
 * and the reason is shown with it.
 */
@Component
class LearnedWeights {

	static final int TRAINING_CUTOFFS = 6;

	private final ReadingsLoader loader;

	private final OutcomeRecords outcomes;

	LearnedWeights(ReadingsLoader loader, OutcomeRecords outcomes) {
		this.loader = loader;
		this.outcomes = outcomes;
	}

	/**
	 * A fitted model for some signals, or none with the reason.
	 *
	 * @param model the model, or null: use the rubric
	 * @param reason what it was learned from, or why it was not
	 */
	record Fit(List<Rubric.Entry> entries, LogisticModel model, String reason) {
	}

	/**
	 * A run's cache of readings and outcomes by cut-off (one per daily run or back-test).
	 */
	Session session() {
		return new Session();
	}

	/** The month-ends whose 180 days were over by {@code day}, latest last. */
	static List<LocalDate> trainingCutoffs(LocalDate day) {
		var latest = day.minusDays(PipelineOutcome.DAYS);
		var end = latest.with(TemporalAdjusters.lastDayOfMonth());
		if (end.isAfter(latest)) {
			end = latest.withDayOfMonth(1).minusDays(1);
		}
		var result = new ArrayList<LocalDate>();
		for (int i = 0; i < TRAINING_CUTOFFS; i++) {
			result.add(0, end);
			end = end.withDayOfMonth(1).minusDays(1);
		}
		return result;
	}

	final class Session {

		private final Map<LocalDate, Map<Long, PartnerReadings>> readings = new HashMap<>();

		private final Map<LocalDate, Set<Long>> positives = new HashMap<>();

		private final Map<String, Fit> fits = new HashMap<>();

		/** Every partner's readings as of a day (kept for the session). */
		Map<Long, PartnerReadings> readings(LocalDate day) {
			return this.readings.computeIfAbsent(day, d -> LearnedWeights.this.loader.at(d, false));
		}

		/** The partners scored at a cut-off: onboarded at least 30 days before it. */
		List<Long> population(LocalDate day) {
			return readings(day).values()
				.stream()
				.filter(p -> ScoreRule.tooNew(p.onboardedOn(), day) == null)
				.map(PartnerReadings::partnerId)
				.sorted()
				.toList();
		}

		/** The partners that created the pipeline in the 180 days after a cut-off. */
		Set<Long> positives(LocalDate day) {
			return this.positives.computeIfAbsent(day, d -> {
				var from = LearnedWeights.this.loader.asOf(d).end();
				var created = LearnedWeights.this.outcomes.pipelineCreated(from,
						from.plus(Duration.ofDays(PipelineOutcome.DAYS)));
				return PipelineOutcome.positives(population(d), created);
			});
		}

		/** The weights of some signals as learned for scoring as of {@code day}. */
		Fit fit(List<Rubric.Entry> entries, LocalDate day) {
			var cutoffs = trainingCutoffs(day);
			var key = cutoffs.get(cutoffs.size() - 1) + entries.stream().map(e -> e.signal().key()).toList().toString();
			return this.fits.computeIfAbsent(key, k -> train(entries, cutoffs));
		}

		private Fit train(List<Rubric.Entry> entries, List<LocalDate> cutoffs) {
			var rows = new ArrayList<double[]>();
			var outcomes = new ArrayList<Integer>();
			int used = 0;
			for (var cutoff : cutoffs) {
				var population = population(cutoff);
				if (population.isEmpty()) {
					continue;
				}
				used++;
				var features = Features.of(readings(cutoff), entries);
				var positive = positives(cutoff);
				for (var partner : population) {
					rows.add(features.get(partner));
					outcomes.add(positive.contains(partner) ? 1 : 0);
				}
			}
			int positives = outcomes.stream().mapToInt(Integer::intValue).sum();
			var verdict = EnoughHistory.decide(used, rows.size(), positives, entries.size());
			var span = " (month-ends " + cutoffs.get(0) + " to " + cutoffs.get(cutoffs.size() - 1)
					+ ", outcome: top quarter of partner-involved pipeline created in the next 180 days)";
			if (!verdict.enough()) {
				return new Fit(entries, null, verdict.reason() + span);
			}
			int[] y = outcomes.stream().mapToInt(Integer::intValue).toArray();
			var model = LogisticModel.fit(rows.toArray(double[][]::new), y);
			return new Fit(entries, model, verdict.reason() + span);
		}

	}

}
