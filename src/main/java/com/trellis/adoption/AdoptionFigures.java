package com.trellis.adoption;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.DailyProgramFigures;
import com.trellis.shared.PageFigureStore;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;

import org.springframework.beans.factory.annotation.Value;
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
 * never) and at start-up ({@link DailyProgramFigures}).
 */
@Component
class AdoptionFigures extends DailyProgramFigures<AdoptionDiagnosis.Diagnosis> {

	static final String NAME = "adoption.diagnosis";

	/** Who the job computes the program's figures as: an admin sees the whole program. */
	private static final Viewer JOB = new Viewer(0, "adoption daily job", Role.ADMIN, null);

	private final Adoption adoption;

	AdoptionFigures(Adoption adoption, PageFigureStore store,
			@Value("${trellis.adoption.daily-cron:0 0 6 * * *}") String cron) {
		super(store, NAME, cron);
		this.adoption = adoption;
	}

	@Scheduled(cron = "${trellis.adoption.daily-cron:0 0 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		storeDaily();
	}

	@Override
	protected AdoptionDiagnosis.Diagnosis computeForProgram() {
		return this.adoption.diagnosis(JOB);
	}

	@Override
	protected JavaType type(TypeFactory types) {
		return types.constructType(AdoptionDiagnosis.Diagnosis.class);
	}

	/**
	 * The viewer's diagnosis: the stored program's for vendor staff whose KPIs are the
	 * program's (admins, executives, sales managers), with its time; computed per request
	 * (time null) for a PAM or when nothing is stored.
	 */
	Shown<AdoptionDiagnosis.Diagnosis> diagnosis(Viewer viewer) {
		if (viewer.is(Role.PAM)) {
			return new Shown<>(this.adoption.diagnosis(viewer), null);
		}
		this.adoption.requireDiagnosisViewer(viewer);
		return storedOr(() -> this.adoption.diagnosis(viewer));
	}

}
