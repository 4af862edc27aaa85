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
 * of". Another number of weeks, and a scope the job did not store, are computed per
 * request as before.
 */
@Component
class CohortFigures {

	static final String NAME = "cohorts.metrics";

	private final CohortMetrics metrics;

	private final Cohorts cohorts;

	private final PageFigureStore store;

	private final BusinessCalendar calendar;

	CohortFigures(CohortMetrics metrics, Cohorts cohorts, PageFigureStore store, BusinessCalendar calendar) {
		this.metrics = metrics;
		this.cohorts = cohorts;
		this.store = store;
		this.calendar = calendar;
	}

	/**
	 * The job's run, in a transaction of its own: computes and stores the figures unless
	 * another instance holds the run or already stored them today (business day); true
	 * when this run stored them.
	 */
	boolean storeDaily() {
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

}
