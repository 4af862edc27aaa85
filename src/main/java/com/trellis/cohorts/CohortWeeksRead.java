package com.trellis.cohorts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.trellis.identity.Viewer;
import com.trellis.shared.PageFigureStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohorts' weekly figures and journey as the API and its CSVs answer them: for a
 * window of {@value CohortPage#STORED_WEEKS} weeks or fewer (the default 13) the daily
 * job's rows of the viewer's scope ({@link CohortFigureRows}; every cohort of the scope,
 * the weeks before a shorter window left out) with the time the job stored them, else, or
 * while the job has not stored the scope, computed for the request ({@link Cohorts}, no
 * time). The same lists, in the same order (cohort, then week), as {@link Cohorts}
 * computes (issue 15, try45: several seconds per request on the large data). Read in one
 * snapshot, so the time and the rows are of one run of the job. A bad {@code weeks}
 * (outside 1–52) is refused naming it; only staff whom {@link Cohorts#book} lets see
 * cohorts.
 */
@Service
class CohortWeeksRead {

	private final Cohorts cohorts;

	private final CohortFigures stored;

	private final CohortFigureRows rows;

	CohortWeeksRead(Cohorts cohorts, CohortFigures stored, CohortFigureRows rows) {
		this.cohorts = cohorts;
		this.stored = stored;
		this.rows = rows;
	}

	/** The figures per cohort and week, and when the job stored them (null: computed). */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Read<CohortMetricWeek> metrics(Viewer viewer, Integer weeks) {
		return read(viewer, weeks, this.stored::figuresAsOf, (scope, since) -> this.rows.metrics(scope, null, since),
				() -> this.cohorts.metrics(viewer, weeks));
	}

	/** The journey per cohort and week, and when the job stored it (null: computed). */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Read<CohortWeek> journey(Viewer viewer, Integer weeks) {
		return read(viewer, weeks, scope -> this.stored.storedMoves(scope).map(PageFigureStore.Stored::asOf),
				(scope, since) -> this.rows.journey(scope, null, since), () -> this.cohorts.journey(viewer, weeks));
	}

	/**
	 * The scope's stored weeks in the window with their time, when the window is one the
	 * job keeps and the job stored the scope; else computed.
	 */
	private <W> Read<W> read(Viewer viewer, Integer weeks, Function<Long, Optional<Instant>> asOf,
			java.util.function.BiFunction<Long, LocalDate, List<W>> storedWeeks, Supplier<List<W>> computed) {
		long scope = scope(viewer);
		// the job's whole 13 weeks for the default window, else the weeks from its start
		var from = this.cohorts.storedFrom(weeks);
		Optional<Instant> time = Cohorts.storedWindow(weeks) ? asOf.apply(scope) : Optional.empty();
		return time.map(at -> new Read<>(storedWeeks.apply(scope, from), at))
			.orElseGet(() -> new Read<>(computed.get(), null));
	}

	private static long scope(Viewer viewer) {
		var pam = Cohorts.book(viewer);
		return pam == null ? PageFigureStore.PROGRAM : pam;
	}

	/**
	 * Weeks in the order {@link Cohorts} gives them, and when the daily job stored them
	 * (null when computed for the request).
	 */
	record Read<W>(List<W> weeks, Instant asOf) {
	}

}
