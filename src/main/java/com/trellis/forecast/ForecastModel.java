package com.trellis.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.trellis.deals.Stage;
import com.trellis.partners.Tier;
import com.trellis.process.SalesProcess;
import com.trellis.process.StageDefinition;

import org.springframework.stereotype.Component;

/**
 * Learns stage probabilities and time-in-stage norms from deals closed before a moment
 * (now for the live forecast, a cut-off for the back-test), per group with fallback, and
 * turns them into the VALUES lists the roll-up SQL joins.
 */
@Component
class ForecastModel {

	static final List<String> OPEN_STAGES = List.of("REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT");

	private final ForecastRepository forecasts;

	private final ForecastCounts counts;

	private final SalesProcess process;

	ForecastModel(ForecastRepository forecasts, ForecastCounts counts, SalesProcess process) {
		this.forecasts = forecasts;
		this.counts = counts;
		this.process = process;
	}

	static List<String> groups() {
		var groups = new ArrayList<String>();
		groups.add("DIRECT");
		for (var tier : Tier.values()) {
			groups.add("PARTNER:" + tier.name());
		}
		return groups;
	}

	/**
	 * Learned from deals closed before {@code before}; all closed deals when null, read
	 * from the counts kept with each close ({@link ForecastCounts}).
	 */
	Map<String, Map<String, StageProbabilities.Estimate>> probabilities(Instant before) {
		var fine = new TreeMap<String, StageProbabilities.Counts>();
		var coarse = new TreeMap<String, StageProbabilities.Counts>();
		for (var row : before == null ? this.counts.history() : this.forecasts.history(before)) {
			var stage = (String) row.get("stage");
			var group = (String) row.get("group");
			var counts = new StageProbabilities.Counts((Long) row.get("closed"), (Long) row.get("won"));
			fine.put(stage + "|" + group, counts);
			coarse.merge(stage + "|" + coarseOf(group), counts,
					(a, b) -> new StageProbabilities.Counts(a.closed() + b.closed(), a.won() + b.won()));
		}
		var result = new LinkedHashMap<String, Map<String, StageProbabilities.Estimate>>();
		for (var stage : OPEN_STAGES) {
			var byGroup = new LinkedHashMap<String, StageProbabilities.Estimate>();
			for (var group : groups()) {
				byGroup.put(group, StageProbabilities.choose(stage, fine.get(stage + "|" + group),
						coarse.get(stage + "|" + coarseOf(group)), Forecasts.DEFAULTS));
			}
			result.put(stage, byGroup);
		}
		return result;
	}

	/** The configured probabilities only: the static baseline of the back-test. */
	static Map<String, Map<String, StageProbabilities.Estimate>> staticProbabilities() {
		var result = new LinkedHashMap<String, Map<String, StageProbabilities.Estimate>>();
		for (var stage : OPEN_STAGES) {
			var byGroup = new LinkedHashMap<String, StageProbabilities.Estimate>();
			for (var group : groups()) {
				byGroup.put(group, StageProbabilities.choose(stage, null, null, Forecasts.DEFAULTS));
			}
			result.put(stage, byGroup);
		}
		return result;
	}

	/**
	 * Time-in-stage norms learned from deals closed before {@code before} (all when
	 * null), falling back to the configured stage norms; {@code learn = false} gives the
	 * configured norms only.
	 */
	Map<String, Map<String, StageNorms.Norm>> norms(Instant before, boolean learn) {
		var fine = new TreeMap<String, StageNorms.Stats>();
		if (learn) {
			for (var row : before == null ? this.counts.stageDurations() : this.forecasts.stageDurations(before)) {
				fine.put(row.get("stage") + "|" + row.get("group"),
						new StageNorms.Stats((Long) row.get("deals"), (BigDecimal) row.get("median")));
			}
		}
		var result = new LinkedHashMap<String, Map<String, StageNorms.Norm>>();
		for (var definition : openStages()) {
			var stage = definition.code().name();
			var byGroup = new LinkedHashMap<String, StageNorms.Norm>();
			for (var group : groups()) {
				byGroup.put(group, StageNorms.choose(fine.get(stage + "|" + group),
						fine.get(stage + "|" + coarseOf(group)), definition.normDays()));
			}
			result.put(stage, byGroup);
		}
		return result;
	}

	/** VALUES rows (stage, group, probability). */
	static String probabilityValues(Map<String, Map<String, StageProbabilities.Estimate>> probabilities) {
		var values = new StringBuilder();
		probabilities.forEach((stage,
				byGroup) -> byGroup.forEach((group, estimate) -> values.append(values.length() == 0 ? "" : ", ")
					.append("('")
					.append(Stage.valueOf(stage).name())
					.append("', '")
					.append(group.replaceAll("[^A-Z_:0-9]", ""))
					.append("', ")
					.append(estimate.probability().toPlainString())
					.append(")")));
		return values.toString();
	}

	/**
	 * For each open stage and group: the closed deals before {@code before} (all when
	 * null) that passed the stage and the later stages they went through; empty (every
	 * later stage counts in full) when {@code learn} is false.
	 */
	Map<String, RemainingPath.Visits> paths(Instant before, boolean learn) {
		var deals = new TreeMap<String, Long>();
		var through = new TreeMap<String, Map<String, Long>>();
		if (learn) {
			for (var row : before == null ? this.counts.stagePaths() : this.forecasts.stagePaths(before)) {
				var key = row.get("from") + "|" + row.get("group");
				if (row.get("from").equals(row.get("to"))) {
					deals.put(key, (Long) row.get("deals"));
				}
				else {
					through.computeIfAbsent(key, k -> new TreeMap<>())
						.put((String) row.get("to"), (Long) row.get("deals"));
				}
			}
		}
		var result = new LinkedHashMap<String, RemainingPath.Visits>();
		deals.forEach(
				(key, count) -> result.put(key, new RemainingPath.Visits(count, through.getOrDefault(key, Map.of()))));
		return result;
	}

	/**
	 * VALUES rows (stage, group, own norm, days of the later stages along the path deals
	 * like it take).
	 */
	String normValues(Map<String, Map<String, StageNorms.Norm>> norms, Map<String, RemainingPath.Visits> paths) {
		var stages = openStages();
		var values = new StringBuilder();
		for (var definition : stages) {
			for (var group : groups()) {
				int later = later(stages, norms, paths, definition.code(), group).days();
				values.append(values.length() == 0 ? "" : ", ")
					.append("('")
					.append(definition.code().name())
					.append("', '")
					.append(group)
					.append("', ")
					.append(norms.get(definition.code().name()).get(group).days())
					.append(", ")
					.append(later)
					.append(")");
			}
		}
		return values.toString();
	}

	/** Days of the active open stages after {@code stage} along the learned path. */
	RemainingPath.Decision later(Map<String, Map<String, StageNorms.Norm>> norms,
			Map<String, RemainingPath.Visits> paths, Stage stage, String group) {
		return later(openStages(), norms, paths, stage, group);
	}

	private static RemainingPath.Decision later(List<StageDefinition> stages,
			Map<String, Map<String, StageNorms.Norm>> norms, Map<String, RemainingPath.Visits> paths, Stage stage,
			String group) {
		int position = stages.stream().filter(s -> s.code() == stage).findFirst().orElseThrow().position();
		var later = stages.stream()
			.filter(s -> s.active() && s.position() > position)
			.map(s -> new RemainingPath.LaterStage(s.code().name(), norms.get(s.code().name()).get(group).days()))
			.toList();
		return RemainingPath.of(later, paths.get(stage.name() + "|" + group),
				paths.get(stage.name() + "|" + coarseOf(group)));
	}

	private List<StageDefinition> openStages() {
		return this.process.stages().stream().filter(s -> !s.closed()).toList();
	}

	static String coarseOf(String group) {
		return group.startsWith("PARTNER") ? "PARTNER" : group;
	}

}
