package com.trellis.cohorts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageFigureStore;

import org.springframework.stereotype.Component;

/**
 * The Cohorts page's weekly figures over the default 13 weeks ({@link CohortMetrics}),
 * computed by the daily job after the placement for the program and for every PAM's book
 * (two passes over the history, whatever the number of PAMs) and stored with their time
 * ({@code stored_page_figures}, set {@value #NAME}); the page reads them and says "as
 * of". The journey over the same weeks ({@link Cohorts#journey}: the stage counts and
 * moves per cohort and week, from {@code journey_placement}, which only the placement
 * writes) is stored the same way for the program and every PAM's book (set
 * {@value #JOURNEY}, also two passes). Another number of weeks, and a scope the job did
 * not store (a PAM none of whose partners is in a cohort), are computed per request as
 * before.
 */
@Component
class CohortFigures implements com.trellis.shared.DailyFigures {

	static final String NAME = "cohorts.metrics";

	static final String JOURNEY = "cohorts.journey";

	private final CohortMetrics metrics;

	private final JourneyRepository journey;

	private final Cohorts cohorts;

	private final PageFigureStore store;

	private final BusinessCalendar calendar;

	CohortFigures(CohortMetrics metrics, JourneyRepository journey, Cohorts cohorts, PageFigureStore store,
			BusinessCalendar calendar) {
		this.metrics = metrics;
		this.journey = journey;
		this.cohorts = cohorts;
		this.store = store;
		this.calendar = calendar;
	}

	/**
	 * The job's run, each set in a transaction of its own: computes and stores the
	 * figures and the program's journey unless another instance holds the run or already
	 * stored them today (business day); true when this run stored either.
	 */
	@Override
	public boolean storeDaily() {
		boolean journey = this.store.storeDaily(JOURNEY, () -> {
			var since = this.cohorts.since(null);
			var byScope = new LinkedHashMap<Long, List<CohortWeek>>();
			byScope.put(PageFigureStore.PROGRAM, this.journey.weeks(since, null));
			byScope.putAll(this.journey.weeksByPam(since));
			return byScope;
		});
		return storeMetrics() | journey;
	}

	private boolean storeMetrics() {
		return this.store.storeDaily(NAME, () -> {
			var since = this.cohorts.since(null);
			var byScope = new LinkedHashMap<Long, List<CohortMetricWeek>>();
			byScope.put(PageFigureStore.PROGRAM, this.metrics.weeks(since, null, this.calendar.zone()));
			byScope.putAll(this.metrics.weeksByPam(since, this.calendar.zone()));
			return byScope;
		});
	}

	/**
	 * The viewer's stored figures (the program's for admins and executives, the book's
	 * for a PAM); empty when the job has not stored them.
	 */
	Optional<PageFigureStore.Stored<List<CohortMetricWeek>>> stored(Viewer viewer) {
		var pam = Cohorts.book(viewer);
		return this.store.read(NAME, pam == null ? PageFigureStore.PROGRAM : pam,
				this.store.types().constructCollectionType(List.class, CohortMetricWeek.class));
	}

	/**
	 * The viewer's stored journey (the program's for admins and executives, the book's
	 * for a PAM); empty when the job has not stored it.
	 */
	Optional<PageFigureStore.Stored<List<CohortWeek>>> storedJourney(Viewer viewer) {
		var pam = Cohorts.book(viewer);
		return this.store.read(JOURNEY, pam == null ? PageFigureStore.PROGRAM : pam,
				this.store.types().constructCollectionType(List.class, CohortWeek.class));
	}

}
