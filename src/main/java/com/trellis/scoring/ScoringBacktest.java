package com.trellis.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scores' back-test: at past month-ends whose next 180 days are over, ranks the
 * partners by each score as of that day and compares with the partner-involved pipeline
 * they actually created in the next 180 days ({@link PipelineOutcome}). Learned weights
 * are trained only on month-ends whose own 180 days were over by the cut-off, so nothing
 * after the cut-off reaches a score. Run by {@code mvn -P backtest verify} (see
 * {@code docs/scoring.md}).
 */
@Service
public class ScoringBacktest {

	private static final String OUTLOOK = "learned outlook";

	private static final String LEARNED_ALL = "learned (all signals)";

	private static final String RUBRIC = "rubric (mean of the three)";

	private static final String PIPELINE = "baseline: pipeline to date";

	private static final String REVENUE = "baseline: revenue to date";

	private final LearnedWeights learned;

	private final OutcomeRecords outcomes;

	private final ReadingsLoader loader;

	ScoringBacktest(LearnedWeights learned, OutcomeRecords outcomes, ReadingsLoader loader) {
		this.learned = learned;
		this.outcomes = outcomes;
		this.loader = loader;
	}

	/** One ranking at one cut-off: how it did, and whether learned weights were there. */
	public record Row(LocalDate cutoff, int partners, int positives, String method, double auc, double precisionAtTop10,
			String note) {
	}

	public record Result(List<Row> rows, List<PairedBootstrap.Difference> differences, String table) {
	}

	/**
	 * Back-tests at the last {@code cutoffs} half-month cut-offs (the 15th and the
	 * month-end) at least 180 days before today.
	 */
	@Transactional(readOnly = true)
	public Result run(LocalDate today, int cutoffs) {
		var session = this.learned.session();
		var days = LearnedWeights.trainingCutoffs(today, today.minusYears(100), cutoffs);
		var rows = new ArrayList<Row>();
		var compared = new ArrayList<PairedBootstrap.Cutoff>();
		for (var cutoff : days) {
			var population = session.population(cutoff);
			if (population.isEmpty()) {
				continue;
			}
			var positives = session.positives(cutoff);
			boolean[] outcome = new boolean[population.size()];
			for (int i = 0; i < outcome.length; i++) {
				outcome[i] = positives.contains(population.get(i));
			}
			var readings = session.readings(cutoff);
			var rankings = new LinkedHashMap<String, double[]>();
			var notes = new LinkedHashMap<String, String>();
			var rubricScores = new LinkedHashMap<Pillar, Map<Long, Score>>();
			var shownScores = new LinkedHashMap<Pillar, Map<Long, Score>>();
			for (var pillar : Pillar.values()) {
				var fit = session.fit(this.loader.rubric().of(pillar), cutoff);
				var features = fit.model() == null ? null : Features.of(readings, fit.entries());
				var byPartner = new LinkedHashMap<Long, Score>();
				var shown = new LinkedHashMap<Long, Score>();
				for (var partner : population) {
					var p = readings.get(partner);
					var rubric = ScoreRule.score(pillar, fit.entries(), p.readings(), p.onboardedOn(), cutoff);
					byPartner.put(partner, rubric);
					var learned = features == null ? null : LearnedScoreRule.score(pillar, fit.entries(), fit.model(),
							features.get(partner), p.readings(), p.onboardedOn(), cutoff, fit.reason());
					shown.put(partner, learned == null ? rubric : learned);
				}
				rubricScores.put(pillar, byPartner);
				shownScores.put(pillar, shown);
				notes.put("learned " + pillar.label().toLowerCase(),
						fit.model() == null ? "no model, the rubric's score: " + fit.reason() : fit.reason());
			}
			var outlook = session.fitOutlook(cutoff);
			notes.put(OUTLOOK, outlook.model() == null ? "no model, the rubric's mean of the three: " + outlook.reason()
					: outlook.reason() + "; " + coefficients(outlook));
			if (outlook.model() != null) {
				var features = session.outlookRows(cutoff);
				rankings.put(OUTLOOK, values(population, p -> outlook.model().logOdds(features.get(p))));
			}
			else {
				rankings.put(OUTLOOK, meanOfThree(population, rubricScores));
			}
			var all = session.fit(this.loader.rubric().entries(), cutoff);
			notes.put(LEARNED_ALL,
					all.model() == null ? "no model, the rubric's mean of the three: " + all.reason() : all.reason());
			if (all.model() != null) {
				var features = Features.of(readings, all.entries());
				rankings.put(LEARNED_ALL, values(population, p -> all.model().logOdds(features.get(p))));
			}
			else {
				rankings.put(LEARNED_ALL, meanOfThree(population, rubricScores));
			}
			rankings.put("learned (mean of the three)", meanOfThree(population, shownScores));
			for (var pillar : Pillar.values()) {
				rankings.put("learned " + pillar.label().toLowerCase(), single(population, shownScores.get(pillar)));
			}
			rankings.put(RUBRIC, meanOfThree(population, rubricScores));
			for (var pillar : Pillar.values()) {
				rankings.put("rubric " + pillar.label().toLowerCase(), single(population, rubricScores.get(pillar)));
			}
			var end = this.loader.asOf(cutoff).end();
			var pipeline = this.outcomes.pipelineToDate(end);
			var revenue = this.outcomes.revenueToDate(end);
			rankings.put(PIPELINE, values(population, p -> pipeline.getOrDefault(p, BigDecimal.ZERO).doubleValue()));
			rankings.put(REVENUE, values(population, p -> revenue.getOrDefault(p, BigDecimal.ZERO).doubleValue()));
			rankings.forEach((method,
					scores) -> rows.add(new Row(cutoff, population.size(), positives.size(), method,
							RankQuality.auc(scores, outcome), RankQuality.precisionAtTop(scores, outcome, 0.10),
							notes.getOrDefault(method, ""))));
			compared.add(new PairedBootstrap.Cutoff(population.stream().mapToLong(Long::longValue).toArray(), outcome,
					rankings));
			notes.forEach((method, note) -> {
				if (!rankings.containsKey(method)) {
					rows.add(
							new Row(cutoff, population.size(), positives.size(), method, Double.NaN, Double.NaN, note));
				}
			});
		}
		var differences = compared.isEmpty() ? List.<PairedBootstrap.Difference>of()
				: PairedBootstrap.compare(compared,
						List.of(new String[] { OUTLOOK, PIPELINE }, new String[] { OUTLOOK, REVENUE },
								new String[] { OUTLOOK, RUBRIC }, new String[] { LEARNED_ALL, PIPELINE },
								new String[] { RUBRIC, PIPELINE }),
						PairedBootstrap.ROUNDS, 20261130L);
		return new Result(rows, differences, BacktestTable.format(rows, differences));
	}

	/** The outlook's coefficients, largest first, for the notes. */
	private String coefficients(LearnedWeights.Fit fit) {
		var names = new ArrayList<String>();
		fit.entries().forEach(e -> names.add(e.signal().key()));
		names.addAll(OutlookFeatures.NAMES);
		var model = fit.model();
		var out = new ArrayList<String>();
		for (int j : model.ranking()) {
			out.add("%s %+.2f".formatted(names.get(j), model.coefficients()[j]));
		}
		return "log-odds per unit: " + String.join(", ", out);
	}

	/**
	 * The mean of a partner's known scores, -1 (below every score) when none is known.
	 */
	private static double[] meanOfThree(List<Long> population, Map<Pillar, Map<Long, Score>> scores) {
		return values(population, partner -> {
			double sum = 0;
			int known = 0;
			for (var pillar : Pillar.values()) {
				var score = scores.get(pillar).get(partner);
				if (score.known()) {
					sum += score.value().doubleValue();
					known++;
				}
			}
			return known == 0 ? -1 : sum / known;
		});
	}

	private static double[] single(List<Long> population, Map<Long, Score> scores) {
		return values(population, partner -> {
			var score = scores.get(partner);
			return score.known() ? score.value().doubleValue() : -1;
		});
	}

	private static double[] values(List<Long> population, ToDoubleFunction<Long> value) {
		double[] result = new double[population.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = value.applyAsDouble(population.get(i));
		}
		return result;
	}

}
