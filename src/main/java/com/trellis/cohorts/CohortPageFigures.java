package com.trellis.cohorts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures the Cohorts page shows for one page of its table: for each cohort of the
 * page its journey and its figures in its latest week (the table's stage counts, moves
 * and readiness spread), the figures of the cohorts charted (every week, by cohort and
 * week: the chart's lines), and the partners moving stage per fiscal week over every
 * cohort of the scope (the moves chart). Read from the daily job's rows with their times
 * ({@code journeyAsOf}, {@code figuresAsOf}), or derived here from the whole figures
 * computed for the request (times null), the page's earlier derivation.
 *
 * @param journey by cohort id, the cohorts of the table's page with a journey
 * @param moves partners moving stage, by fiscal week label in order
 * @param scores by cohort id, the cohorts of the table's page with figures
 * @param lines the charted cohorts' figures, by cohort id then week
 */
record CohortPageFigures(Map<Long, CohortWeek> journey, TreeMap<String, Integer> moves, Instant journeyAsOf,
		Map<Long, CohortMetricWeek> scores, List<CohortMetricWeek> lines, Instant figuresAsOf) {

	/** The journey part from the whole journey computed per request. */
	static JourneyPart journeyOf(List<CohortWeek> journey, Collection<Long> page) {
		var ids = new HashSet<>(page);
		var latest = new HashMap<Long, CohortWeek>();
		journey.stream()
			.filter(w -> ids.contains(w.cohortId()))
			.forEach(w -> latest.merge(w.cohortId(), w, (a, b) -> a.weekStart().isAfter(b.weekStart()) ? a : b));
		return new JourneyPart(latest, CohortFigures.moves(journey), null);
	}

	/** The figures part from the whole figures computed per request. */
	static FiguresPart figuresOf(List<CohortMetricWeek> figures, Collection<Long> page, Set<Long> shown) {
		var ids = new HashSet<>(page);
		var latest = new HashMap<Long, CohortMetricWeek>();
		figures.stream()
			.filter(m -> ids.contains(m.cohortId()))
			.forEach(m -> latest.merge(m.cohortId(), m, (a, b) -> a.weekStart().isAfter(b.weekStart()) ? a : b));
		return new FiguresPart(latest, figures.stream().filter(m -> shown.contains(m.cohortId())).toList(), null);
	}

	static CohortPageFigures of(JourneyPart journey, FiguresPart figures) {
		return new CohortPageFigures(journey.latest(), journey.moves(), journey.asOf(), figures.latest(),
				figures.lines(), figures.asOf());
	}

	/** The journey of the table's page, the moves per week, and when stored. */
	record JourneyPart(Map<Long, CohortWeek> latest, TreeMap<String, Integer> moves, Instant asOf) {
	}

	/** The figures of the table's page, the charted lines, and when stored. */
	record FiguresPart(Map<Long, CohortMetricWeek> latest, List<CohortMetricWeek> lines, Instant asOf) {
	}

}
