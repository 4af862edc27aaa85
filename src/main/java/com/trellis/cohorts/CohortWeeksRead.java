package com.trellis.cohorts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

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
		long scope = scope(viewer);
		var since = this.cohorts.since(weeks);
		return kept(weeks)
				? this.stored.figuresAsOf(scope)
					.map(asOf -> new Read<>(
							inWindow(this.rows.metrics(scope), weeks, since, CohortMetricWeek::weekStart), asOf))
					.orElseGet(() -> new Read<>(this.cohorts.metrics(viewer, weeks), null))
				: new Read<>(this.cohorts.metrics(viewer, weeks), null);
	}

	/** The journey per cohort and week, and when the job stored it (null: computed). */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Read<CohortWeek> journey(Viewer viewer, Integer weeks) {
		long scope = scope(viewer);
		var since = this.cohorts.since(weeks);
		return kept(weeks)
				? this.stored.storedMoves(scope)
					.map(moves -> new Read<>(inWindow(this.rows.journey(scope), weeks, since, CohortWeek::weekStart),
							moves.asOf()))
					.orElseGet(() -> new Read<>(this.cohorts.journey(viewer, weeks), null))
				: new Read<>(this.cohorts.journey(viewer, weeks), null);
	}

	private static long scope(Viewer viewer) {
		var pam = Cohorts.book(viewer);
		return pam == null ? PageFigureStore.PROGRAM : pam;
	}

	private static boolean kept(Integer weeks) {
		return weeks == null || weeks <= CohortPage.STORED_WEEKS;
	}

	/** The stored weeks, those before a shorter window than the job's left out. */
	private static <W> List<W> inWindow(List<W> all, Integer weeks, LocalDate since, Function<W, LocalDate> weekStart) {
		if (weeks == null || weeks == CohortPage.STORED_WEEKS) {
			return all;
		}
		return all.stream().filter(w -> !weekStart.apply(w).isBefore(since)).toList();
	}

	/**
	 * Weeks in the order {@link Cohorts} gives them, and when the daily job stored them
	 * (null when computed for the request).
	 */
	record Read<W>(List<W> weeks, Instant asOf) {
	}

}
