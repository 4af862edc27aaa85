package com.trellis.scoring;

import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.PageFigureStore;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drift and high-potential lists of the book of scores and their API, one page at a
 * time with the list's total (issue 15: a program of 40,000 partners has tens of
 * thousands of alerts in force). The viewer's scope comes first (a PAM's book; the whole
 * program for admins and executives; anyone else 403, {@link PartnerIntelligence#scope});
 * only the page's partners are named, as the viewer may read them.
 * <ul>
 * <li>drift: the alerts in force, stalling first, the steepest slope (points a week)
 * first, then partner id and score; counted and paged in SQL
 * ({@link IntelligencePages}).</li>
 * <li>high potential: best behaviour first, then partner id; the page reads the list the
 * daily job stored (SQL, with the time it was computed), the API computes it now and
 * pages it.</li>
 * </ul>
 */
@Service
class ScoreBookLists {

	private final PartnerIntelligence intelligence;

	private final IntelligencePages pages;

	private final Partners partners;

	private final PageFigureStore figures;

	ScoreBookLists(PartnerIntelligence intelligence, IntelligencePages pages, Partners partners,
			PageFigureStore figures) {
		this.intelligence = intelligence;
		this.pages = pages;
		this.partners = partners;
		this.figures = figures;
	}

	/** A page of the drift alerts in force in the viewer's scope, with their total. */
	@Transactional(readOnly = true)
	PageResult<DriftLine> drifting(Viewer viewer, PageRequest request) {
		var scope = this.intelligence.scope(viewer);
		long total = this.pages.driftCount(scope);
		var alerts = total == 0 ? List.<IntelligenceStore.Alert>of() : this.pages.driftPage(scope, request);
		var names = this.partners.names(viewer, alerts.stream().map(IntelligenceStore.Alert::partnerId).toList());
		var lines = alerts.stream()
			.map(a -> new DriftLine(a.partnerId(), names.get(a.partnerId()), a.pillar(), a.state(), a.slope(),
					a.weekStart(), a.reason(), a.signals(), a.raisedAt()))
			.toList();
		return new PageResult<>(lines, request.page(), request.size(), total);
	}

	/**
	 * A page of the high-potential list the daily job stored, narrowed to the viewer's
	 * scope, with the time it was computed; computed now (as {@link #highPotentialNow},
	 * {@code asOf} null) while nothing is stored.
	 */
	@Transactional(readOnly = true)
	PartnerIntelligence.AsStored<PageResult<HighPotentialLine>> highPotential(Viewer viewer, PageRequest request) {
		var scope = this.intelligence.scope(viewer);
		var stored = this.figures.<Map<String, Object>>read(PartnerIntelligence.HIGH_POTENTIAL, PageFigureStore.PROGRAM,
				this.figures.types().constructMapType(Map.class, String.class, Object.class));
		if (stored.isEmpty()) {
			return new PartnerIntelligence.AsStored<>(highPotentialNow(viewer, request), null);
		}
		long total = this.pages.potentialCount(scope);
		var lines = total == 0 ? List.<HighPotentialLine>of() : this.pages.potentialPage(scope, request);
		return new PartnerIntelligence.AsStored<>(
				new PageResult<>(named(viewer, lines), request.page(), request.size(), total), stored.get().asOf());
	}

	/**
	 * A page of the high-potential list computed now for the viewer's scope (every
	 * partner's rank is read, so the list is computed whole; only the page is named).
	 */
	@Transactional(readOnly = true)
	PageResult<HighPotentialLine> highPotentialNow(Viewer viewer, PageRequest request) {
		var page = PageResult.slice(this.intelligence.highPotentialUnnamed(viewer), request);
		return new PageResult<>(named(viewer, page.items()), page.page(), page.size(), page.total());
	}

	private List<HighPotentialLine> named(Viewer viewer, List<HighPotentialLine> lines) {
		var names = this.partners.names(viewer, lines.stream().map(HighPotentialLine::partnerId).toList());
		return lines.stream().map(l -> l.named(names.get(l.partnerId()))).toList();
	}

}
