package com.trellis.scoring;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.trellis.shared.StoredFigures;

import org.springframework.stereotype.Component;

/**
 * Learns each score's weights from the program's own outcomes: a logistic regression of
 * "created the pipeline in the next 180 days" ({@link PipelineOutcome}) on the score's
 * signals ({@link Features}), trained on the partners as of the last
 * {@value #TRAINING_CUTOFFS} half-month cut-offs whose 180 days were over by the day
 * scored, with the ridge penalty chosen by time-ordered validation. Only records before
 * that day are read, so a score as of a past day never learns from what came after it.
 * When {@link EnoughHistory} says no, the score keeps the default rubric and the reason
 * is shown with it.
 */
@Component
class LearnedWeights {

	/** Training cut-offs: two a month (the 15th and the month-end), six months' worth. */
	static final int TRAINING_CUTOFFS = 12;

	/** Days after the program's first record before a cut-off is used for training. */
	static final int WARM_UP_DAYS = 60;

	/** The ridge penalties tried, the one chosen by time-ordered validation. */
	static final double[] RIDGES = { 0.1, 0.3, 1, 3, 10, 30 };

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

	/**
	 * The last {@code count} month-ends whose 180 days were over by {@code day}, latest
	 * last.
	 */
	static List<LocalDate> monthEnds(LocalDate day, int count) {
		var latest = day.minusDays(PipelineOutcome.DAYS);
		var end = latest.with(TemporalAdjusters.lastDayOfMonth());
		if (end.isAfter(latest)) {
			end = latest.withDayOfMonth(1).minusDays(1);
		}
		var result = new ArrayList<LocalDate>();
		for (int i = 0; i < count; i++) {
			result.add(0, end);
			end = end.withDayOfMonth(1).minusDays(1);
		}
		return result;
	}

	/**
	 * The training cut-offs for scoring as of {@code day}, latest last: the 15th and the
	 * last day of each month whose 180 days were over by {@code day}, the last
	 * {@value #TRAINING_CUTOFFS} of them, leaving out those less than
	 * {@value #WARM_UP_DAYS} days after the program's first record (its signals would be
	 * read from next to nothing). {@code firstRecord} null: no records, no cut-offs.
	 */
	static List<LocalDate> trainingCutoffs(LocalDate day, LocalDate firstRecord) {
		return trainingCutoffs(day, firstRecord, TRAINING_CUTOFFS);
	}

	/**
	 * The last {@code count} half-month cut-offs whose 180 days were over by {@code day}
	 * and that are at least {@value #WARM_UP_DAYS} days after the first record, latest
	 * last.
	 */
	static List<LocalDate> trainingCutoffs(LocalDate day, LocalDate firstRecord, int count) {
		var latest = day.minusDays(PipelineOutcome.DAYS);
		var result = new ArrayList<LocalDate>();
		var month = latest.withDayOfMonth(1);
		while (result.size() < count) {
			var end = month.with(TemporalAdjusters.lastDayOfMonth());
			var middle = month.withDayOfMonth(15);
			for (var cutoff : List.of(end, middle)) {
				if (!cutoff.isAfter(latest) && result.size() < count) {
					result.add(0, cutoff);
				}
			}
			month = month.minusMonths(1);
			if (firstRecord == null || month.isBefore(firstRecord.minusMonths(1))) {
				break;
			}
		}
		result.removeIf(cutoff -> firstRecord == null || cutoff.isBefore(firstRecord.plusDays(WARM_UP_DAYS)));
		return result;
	}

	final class Session {

		private final Map<LocalDate, Map<Long, PartnerReadings>> readings = new HashMap<>();

		private final Map<LocalDate, Set<Long>> positives = new HashMap<>();

		private final Map<String, Fit> fits = new HashMap<>();

		private final Map<LocalDate, Map<Long, double[]>> outlook = new HashMap<>();

		private Optional<LocalDate> firstRecord;

		/** Every partner's readings as of a day (kept for the session). */
		Map<Long, PartnerReadings> readings(LocalDate day) {
			return this.readings.computeIfAbsent(day, d -> LearnedWeights.this.loader.at(d, false));
		}

		/**
		 * Every partner's readings as of {@code day} with their reasons, read in one pass
		 * together with the training cut-offs of that day the session does not hold yet
		 * (and their outcomes, in one pass over the deals); the cut-offs it no longer
		 * needs are let go (the back-fill walks back in time).
		 */
		Map<Long, PartnerReadings> prepare(LocalDate day) {
			var cutoffs = trainingCutoffs(day, firstRecord());
			this.readings.keySet().retainAll(cutoffs);
			var days = new ArrayList<LocalDate>(cutoffs.stream().filter(c -> !this.readings.containsKey(c)).toList());
			days.add(day);
			var loaded = LearnedWeights.this.loader.at(days, day);
			loaded.forEach((d, r) -> {
				if (!d.equals(day)) {
					this.readings.put(d, r);
				}
			});
			var outcomesDue = cutoffs.stream().filter(c -> !this.positives.containsKey(c)).toList();
			var from = outcomesDue.stream().map(c -> LearnedWeights.this.loader.asOf(c).end()).toList();
			var created = LearnedWeights.this.outcomes.pipelineCreated(from,
					from.stream().map(f -> f.plus(Duration.ofDays(PipelineOutcome.DAYS))).toList());
			for (int i = 0; i < outcomesDue.size(); i++) {
				this.positives.put(outcomesDue.get(i),
						PipelineOutcome.positives(population(outcomesDue.get(i)), created.get(i)));
			}
			return loaded.get(day);
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
			var cutoffs = trainingCutoffs(day, firstRecord());
			var key = cutoffs + entries.stream().map(e -> e.signal().key()).toList().toString();
			return this.fits.computeIfAbsent(key,
					k -> train(entries, cutoffs, d -> Features.of(readings(d), entries), entries.size()));
		}

		/**
		 * The learned outlook for scoring as of {@code day}: every signal plus the
		 * {@link OutlookFeatures}, trained like a score's weights.
		 */
		Fit fitOutlook(LocalDate day) {
			var cutoffs = trainingCutoffs(day, firstRecord());
			var entries = LearnedWeights.this.loader.rubric().entries();
			return this.fits.computeIfAbsent("outlook" + cutoffs,
					k -> train(entries, cutoffs, this::outlookRows, entries.size() + OutlookFeatures.NAMES.size()));
		}

		/**
		 * Each partner's outlook features as of a day, the signals' first, then the
		 * {@link OutlookFeatures} (partners of the day's population only).
		 */
		Map<Long, double[]> outlookRows(LocalDate day) {
			return this.outlook.computeIfAbsent(day, d -> {
				var signals = Features.of(readings(d), LearnedWeights.this.loader.rubric().entries());
				var end = LearnedWeights.this.loader.asOf(d).end();
				var records = LearnedWeights.this.outcomes;
				var recentStart = end.minus(Duration.ofDays(OutlookFeatures.PIPELINE_DAYS));
				var activityStart = end.minus(Duration.ofDays(OutlookFeatures.ACTIVITY_DAYS));
				var inputs = new OutlookFeatures.Inputs(records.pipelineCreated(recentStart, end),
						records.pipelineToDate(end), records.eventsBetween(activityStart, end), records.eventsBetween(
								activityStart.minus(Duration.ofDays(OutlookFeatures.ACTIVITY_DAYS)), activityStart));
				var population = population(d);
				var extra = OutlookFeatures.of(population, inputs);
				var rows = new HashMap<Long, double[]>();
				for (var partner : population) {
					var own = signals.get(partner);
					var more = extra.get(partner);
					double[] row = java.util.Arrays.copyOf(own, own.length + more.length);
					System.arraycopy(more, 0, row, own.length, more.length);
					rows.put(partner, row);
				}
				return rows;
			});
		}

		private LocalDate firstRecord() {
			if (this.firstRecord == null) {
				this.firstRecord = Optional.ofNullable(LearnedWeights.this.outcomes.firstRecord())
					.map(at -> LearnedWeights.this.loader.dayOf(at));
			}
			return this.firstRecord.orElse(null);
		}

		private Fit train(List<Rubric.Entry> entries, List<LocalDate> cutoffs,
				Function<LocalDate, Map<Long, double[]>> featuresAt, int featureCount) {
			if (cutoffs.isEmpty()) {
				return new Fit(entries, null,
						EnoughHistory.decide(0, 0, 0, featureCount).reason()
								+ " (no half-month cut-off with its 180 days over at least " + WARM_UP_DAYS
								+ " days after the first record)");
			}
			var rows = new ArrayList<double[]>();
			var outcomes = new ArrayList<Integer>();
			var rowCutoff = new ArrayList<Integer>();
			int used = 0;
			for (var cutoff : cutoffs) {
				var population = population(cutoff);
				if (population.isEmpty()) {
					continue;
				}
				used++;
				var features = featuresAt.apply(cutoff);
				var positive = positives(cutoff);
				for (var partner : population) {
					rows.add(features.get(partner));
					outcomes.add(positive.contains(partner) ? 1 : 0);
					rowCutoff.add(used);
				}
			}
			int positives = outcomes.stream().mapToInt(Integer::intValue).sum();
			var verdict = EnoughHistory.decide(used, rows.size(), positives, featureCount);
			var span = " (cut-offs " + cutoffs.get(0) + " to " + cutoffs.get(cutoffs.size() - 1)
					+ ", outcome: top quarter of partner-involved pipeline created in the next 180 days";
			if (!verdict.enough()) {
				return new Fit(entries, null, verdict.reason() + span + ")");
			}
			double[][] x = rows.toArray(double[][]::new);
			int[] y = outcomes.stream().mapToInt(Integer::intValue).toArray();
			int[] period = rowCutoff.stream().mapToInt(Integer::intValue).toArray();
			double ridge = RidgeChoice.choose(x, y, period, used, RIDGES);
			var model = LogisticModel.fit(x, y, ridge);
			return new Fit(entries, model,
					verdict.reason() + span + ", ridge " + StoredFigures.number(java.math.BigDecimal.valueOf(ridge))
							+ " chosen on the latest cut-offs held out)");
		}

	}

}
