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
 * default 13 weeks the daily job's rows of the viewer's scope for those cohorts only
 * ({@link CohortFigureRows}) and its times, else, or while the job has not stored the
 * scope, the whole figures computed for the request. A bounded read: a table page of at
 * most {@value PageRequest#MAX_SIZE} cohorts and at most {@value #MAX_CHARTED} lines,
 * however many cohorts the program has. Read in one snapshot, so the times and the rows
 * are of one run of the job.
 */
@Service
class CohortPage {

	/** Lines per chart: the largest cohorts unless the viewer picks others. */
	static final int LINES = 8;

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
	 * (more than {@value #MAX_CHARTED}) or {@code weeks} (1 to
	 * {@value Cohorts#MAX_WEEKS}) is refused naming each, together.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Read read(Viewer viewer, List<Long> show, Integer weeks, Integer page, Integer size) {
		var pam = Cohorts.book(viewer);
		FormErrors.checks(() -> PageRequest.of(page, size), () -> charted(show), () -> {
			if (weeks != null) {
				this.cohorts.since(weeks);
			}
		}).run();
		var table = this.list.page(pam, PageRequest.of(page, size));
		var ids = table.items().stream().map(CohortView::id).toList();
		var picked = show == null ? List.<Long>of() : show.stream().filter(java.util.Objects::nonNull).toList();
		var shown = new TreeSet<Long>(picked.isEmpty() ? this.list.largest(pam, LINES) : picked);
		long scope = pam == null ? PageFigureStore.PROGRAM : pam;
		boolean usual = weeks == null || weeks == 13;
		Optional<PageFigureStore.Stored<TreeMap<String, Integer>>> moves = usual ? this.stored.storedMoves(scope)
				: Optional.empty();
		var journey = moves
			.map(kept -> new CohortPageFigures.JourneyPart(this.rows.latestJourney(scope, ids), kept.value(),
					kept.asOf()))
			.orElseGet(() -> CohortPageFigures.journeyOf(this.cohorts.journey(viewer, weeks), ids));
		Optional<Instant> figuresAsOf = usual ? this.stored.figuresAsOf(scope) : Optional.empty();
		var figures = figuresAsOf
			.map(asOf -> new CohortPageFigures.FiguresPart(this.rows.latestMetrics(scope, ids),
					this.rows.metrics(scope, shown), asOf))
			.orElseGet(() -> CohortPageFigures.figuresOf(this.cohorts.metrics(viewer, weeks), ids, shown));
		return new Read(table, shown, CohortPageFigures.of(journey, figures));
	}

	private static void charted(List<Long> show) {
		if (show != null && show.stream().filter(java.util.Objects::nonNull).distinct().count() > MAX_CHARTED) {
			throw InvalidInputException.of("show", "chart at most " + MAX_CHARTED + " cohorts at once");
		}
	}

	/**
	 * A page of the viewer's cohorts, the ids charted, and the figures shown.
	 */
	record Read(PageResult<CohortView> cohorts, Set<Long> shown, CohortPageFigures figures) {
	}

}
