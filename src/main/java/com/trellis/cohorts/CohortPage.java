package com.trellis.cohorts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageFigureStore;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Cohorts page reads (issue 15, co41): a page of the viewer's cohorts (admins
 * and executives every cohort, a PAM those of the book, 403 for anyone else, checked
 * first), the cohorts charted ({@code show}, else the {@value #LINES} with the most
 * partners of the viewer's), and their figures ({@link CohortPageFigures}): with the
 * default 13 weeks or fewer the daily job's rows of the viewer's scope for those cohorts
 * only ({@link CohortFigureRows}, the weeks before a shorter window left out) and its
 * times, else (more weeks), or while the job has not stored the scope, the whole figures
 * computed for the request (7.8 s for {@code weeks=5} on the large data before try45). A
 * bounded read: a table page of at most {@value PageRequest#MAX_SIZE} cohorts and at most
 * {@value #MAX_CHARTED} lines, however many cohorts the program has; a charted id that is
 * not in the viewer's list is refused naming {@code show}. Read in one snapshot, so the
 * times and the rows are of one run of the job.
 */
@Service
class CohortPage {

	/** Lines per chart: the largest cohorts unless the viewer picks others. */
	static final int LINES = 8;

	/** The weeks the daily job stores, the page's default. */
	static final int STORED_WEEKS = 13;

	/** The most cohorts a chart shows at once. */
	static final int MAX_CHARTED = 25;

	private final Cohorts cohorts;

	private final CohortRepository list;

	private final CohortFigures stored;

	private final CohortFigureRows rows;

	CohortPage(Cohorts cohorts, CohortRepository list, CohortFigures stored, CohortFigureRows rows) {
		this.cohorts = cohorts;
		this.list = list;
		this.stored = stored;
		this.rows = rows;
	}

	/**
	 * The page's cohorts and figures; a bad {@code page}, {@code size}, {@code show}
	 * (more than {@value #MAX_CHARTED}, or a cohort not in the viewer's list) or
	 * {@code weeks} (1 to {@value Cohorts#MAX_WEEKS}) is refused naming each, together.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Read read(Viewer viewer, List<Long> show, Integer weeks, Integer page, Integer size) {
		var pam = Cohorts.book(viewer);
		FormErrors.checks(() -> PageRequest.of(page, size), () -> charted(show), () -> listed(pam, show), () -> {
			if (weeks != null) {
				this.cohorts.since(weeks);
			}
		}).run();
		var table = this.list.page(pam, PageRequest.of(page, size));
		var ids = table.items().stream().map(CohortView::id).toList();
		var picked = show == null ? List.<Long>of() : show.stream().filter(java.util.Objects::nonNull).toList();
		var shown = new TreeSet<Long>(picked.isEmpty() ? this.list.largest(pam, LINES) : picked);
		long scope = pam == null ? PageFigureStore.PROGRAM : pam;
		// the job stores the last 13 weeks: fewer are read from its rows, the weeks
		// before the window left out; more are computed for the request
		boolean kept = Cohorts.storedWindow(weeks);
		var since = this.cohorts.storedFrom(weeks);
		Optional<PageFigureStore.Stored<TreeMap<String, Integer>>> moves = kept ? this.stored.storedMoves(scope)
				: Optional.empty();
		var journey = moves
			.map(stored -> new CohortPageFigures.JourneyPart(this.rows.latestJourney(scope, ids, since),
					since == null ? stored.value() : this.rows.moves(scope, since), stored.asOf()))
			.orElseGet(() -> CohortPageFigures.journeyOf(this.cohorts.journey(viewer, weeks), ids));
		Optional<Instant> figuresAsOf = kept ? this.stored.figuresAsOf(scope) : Optional.empty();
		var figures = figuresAsOf
			.map(asOf -> new CohortPageFigures.FiguresPart(this.rows.latestMetrics(scope, ids, since),
					this.rows.metrics(scope, shown, since), asOf))
			.orElseGet(() -> CohortPageFigures.figuresOf(this.cohorts.metrics(viewer, weeks), ids, shown));
		return new Read(table, shown, CohortPageFigures.of(journey, figures));
	}

	private static void charted(List<Long> show) {
		if (show != null && show.stream().filter(java.util.Objects::nonNull).distinct().count() > MAX_CHARTED) {
			throw InvalidInputException.of("show", "chart at most " + MAX_CHARTED + " cohorts at once");
		}
	}

	/** Charted cohorts must be in the viewer's list: an id that is not is named. */
	private void listed(Long pam, List<Long> show) {
		if (show == null) {
			return;
		}
		var unlisted = this.list.unlisted(pam, show.stream().filter(java.util.Objects::nonNull).distinct().toList());
		if (!unlisted.isEmpty()) {
			throw InvalidInputException.of("show",
					(unlisted.size() == 1 ? "no cohort " : "no cohorts ")
							+ unlisted.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
							+ " in your list of cohorts");
		}
	}

	/**
	 * A page of the viewer's cohorts, the ids charted, and the figures shown.
	 */
	record Read(PageResult<CohortView> cohorts, Set<Long> shown, CohortPageFigures figures) {
	}

}
