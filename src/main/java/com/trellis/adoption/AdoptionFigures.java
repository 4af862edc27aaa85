package com.trellis.adoption;

import java.time.Instant;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageFigureStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The adoption page's program diagnosis ({@link Adoption#diagnosis}: two KPI passes over
 * the quarter so far and the same span before, and the idle capable partners), computed
 * by a daily job for the whole program and stored with its time ({@code
 * stored_page_figures}, set {@value #NAME}; once a business day across instances: an
 * advisory lock and the stored time), so the page reads it and says "as of". A PAM's
 * diagnosis reads the book's KPIs and is computed per request as before; so is the
 * program's until the job first stores it. The job runs at
 * {@code trellis.adoption.daily-cron} (default 06:00, after the scores; {@code -} for
 * never) and at start-up.
 */
@Component
class AdoptionFigures {

	static final String NAME = "adoption.diagnosis";

	/** Who the job computes the program's figures as: an admin sees the whole program. */
	private static final Viewer JOB = new Viewer(0, "adoption daily job", Role.ADMIN, null);

	private final Adoption adoption;

	private final PageFigureStore store;

	private final boolean scheduled;

	AdoptionFigures(Adoption adoption, PageFigureStore store,
			@Value("${trellis.adoption.daily-cron:0 0 6 * * *}") String cron) {
		this.adoption = adoption;
		this.store = store;
		this.scheduled = !"-".equals(cron.strip());
	}

	@Scheduled(cron = "${trellis.adoption.daily-cron:0 0 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		storeDaily();
	}

	@EventListener(ApplicationReadyEvent.class)
	void startUp() {
		if (this.scheduled) {
			storeDaily();
		}
	}

	/**
	 * Computes and stores the program's diagnosis unless another instance holds the run
	 * or it was stored today (business day); true when this call stored it.
	 */
	boolean storeDaily() {
		return this.store.storeDaily(NAME, () -> Map.of(PageFigureStore.PROGRAM, this.adoption.diagnosis(JOB)));
	}

	/**
	 * The viewer's diagnosis: the stored program's for vendor staff whose KPIs are the
	 * program's (admins, executives, sales managers), with its time; computed per request
	 * (time null) for a PAM or when nothing is stored.
	 */
	Shown diagnosis(Viewer viewer) {
		if (!viewer.is(Role.PAM)) {
			this.adoption.requireDiagnosisViewer(viewer);
			var stored = this.store.<AdoptionDiagnosis.Diagnosis>read(NAME, PageFigureStore.PROGRAM,
					this.store.types().constructType(AdoptionDiagnosis.Diagnosis.class));
			if (stored.isPresent()) {
				return new Shown(stored.get().value(), stored.get().asOf());
			}
		}
		return new Shown(this.adoption.diagnosis(viewer), null);
	}

	/** A diagnosis as the page shows it, and when the job computed it (null: now). */
	record Shown(AdoptionDiagnosis.Diagnosis value, Instant asOf) {
	}

}
