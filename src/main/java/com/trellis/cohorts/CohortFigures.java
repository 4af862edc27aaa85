package com.trellis.cohorts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageFigureStore;

import org.springframework.stereotype.Component;

/**
 * The Cohorts page's weekly figures over the default 13 weeks ({@link CohortMetrics}) and
 * the journey over the same weeks ({@link Cohorts#journey}: the stage counts and moves
 * per cohort and week, from {@code journey_placement}, which only the placement writes),
 * computed by the daily job after the placement for the program and for every PAM's book
 * (two passes over the history each, whatever the number of PAMs) and stored with their
 * time, so the page reads them and says "as of". Since co41 (V285) the figures are rows
 * per scope, cohort and week ({@link CohortFigureRows}), so a request reads its table's
 * page and its chart's lines only; the set's time is kept in {@code stored_page_figures}
 * under {@value #NAME} (body: how many cohort-weeks) and {@value #JOURNEY} (body: the
 * partners moving stage per fiscal week over every cohort of the scope, the moves chart),
 * written in the same transaction as the rows. Another number of weeks, and a scope the
 * job did not store (a PAM none of whose partners is in a cohort), are computed per
 * request as before.
 */
@Component
class CohortFigures implements com.trellis.shared.DailyFigures {

	static final String NAME = "cohorts.metric-weeks";

	static final String JOURNEY = "cohorts.journey-weeks";

	private final CohortMetrics metrics;

	private final JourneyRepository journey;

	private final CohortFigureRows rows;

	private final Cohorts cohorts;

	private final PageFigureStore store;

	private final BusinessCalendar calendar;

	CohortFigures(CohortMetrics metrics, JourneyRepository journey, CohortFigureRows rows, Cohorts cohorts,
			PageFigureStore store, BusinessCalendar calendar) {
		this.metrics = metrics;
		this.journey = journey;
		this.rows = rows;
		this.cohorts = cohorts;
		this.store = store;
		this.calendar = calendar;
	}

	/**
	 * The job's run, each set in a transaction of its own (its rows and its time
	 * together): computes and stores the journey and the figures unless another instance
	 * holds the run or already stored them today (business day); true when this run
	 * stored either.
	 */
	@Override
	public boolean storeDaily() {
		return store(true);
	}

	/**
	 * The job's run even when the sets were stored this business day: after the program's
	 * first split and placement, which the morning's run may have preceded.
	 */
	boolean storeAgain() {
		return store(false);
	}

	private boolean store(boolean oncePerDay) {
		boolean journey = store(JOURNEY, oncePerDay, () -> {
			var since = this.cohorts.since(null);
			var byScope = new LinkedHashMap<Long, List<CohortWeek>>();
			byScope.put(PageFigureStore.PROGRAM, this.journey.weeks(since, null, this.calendar.zone()));
			byScope.putAll(this.journey.weeksByPam(since, this.calendar.zone()));
			this.rows.replaceJourney(byScope);
			var moves = new LinkedHashMap<Long, Map<String, Integer>>();
			byScope.forEach((scope, weeks) -> moves.put(scope, moves(weeks)));
			return moves;
		});
		return storeMetrics(oncePerDay) | journey;
	}

	private boolean store(String name, boolean oncePerDay, java.util.function.Supplier<Map<Long, ?>> compute) {
		return oncePerDay ? this.store.storeDaily(name, compute) : this.store.storeAgain(name, compute);
	}

	private boolean storeMetrics(boolean oncePerDay) {
		return store(NAME, oncePerDay, () -> {
			var since = this.cohorts.since(null);
			var byScope = new LinkedHashMap<Long, List<CohortMetricWeek>>();
			byScope.put(PageFigureStore.PROGRAM, this.metrics.weeks(since, null, this.calendar.zone()));
			byScope.putAll(this.metrics.weeksByPam(since, this.calendar.zone()));
			this.rows.replaceMetrics(byScope);
			var sizes = new LinkedHashMap<Long, Map<String, Integer>>();
			byScope.forEach((scope, weeks) -> sizes.put(scope, Map.of("cohortWeeks", weeks.size())));
			return sizes;
		});
	}

	/**
	 * When the job stored the figures of a scope ({@link PageFigureStore#PROGRAM} or a
	 * PAM's id); empty when it has not.
	 */
	Optional<Instant> figuresAsOf(long scope) {
		return this.store.<Map<String, Integer>>read(NAME, scope, mapOf(String.class, Integer.class))
			.map(PageFigureStore.Stored::asOf);
	}

	/**
	 * The stored partners moving stage per fiscal week over every cohort of a scope, with
	 * when the job stored the journey; empty when it has not.
	 */
	Optional<PageFigureStore.Stored<TreeMap<String, Integer>>> storedMoves(long scope) {
		return this.store.read(JOURNEY, scope,
				this.store.types().constructMapType(TreeMap.class, String.class, Integer.class));
	}

	private tools.jackson.databind.JavaType mapOf(Class<?> key, Class<?> value) {
		return this.store.types().constructMapType(Map.class, key, value);
	}

	/** Partners moving stage per fiscal week over all these cohort-weeks. */
	static TreeMap<String, Integer> moves(List<CohortWeek> journey) {
		var byWeek = new TreeMap<String, Integer>();
		journey.forEach(w -> byWeek.merge(w.fiscalWeek(), w.moved(), Integer::sum));
		return byWeek;
	}

}
