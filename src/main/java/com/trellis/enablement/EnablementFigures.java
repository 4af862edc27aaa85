package com.trellis.enablement;

import java.util.Map;

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
 * The enablement program page's completion rates ({@link Enablement#programRates}: every
 * partner's and user's progress through the curriculum), computed by a daily job and
 * stored with their time ({@code stored_page_figures}, set {@value #NAME}; once a
 * business day across instances), so the page reads them and says "as of"; computed per
 * request until the job first stores them. The job runs at
 * {@code trellis.enablement.daily-cron} (default 06:05; {@code -} for never) and at
 * start-up ({@link DailyProgramFigures}). The API still computes them per request.
 */
@Component
class EnablementFigures extends DailyProgramFigures<Map<String, Long>> {

	static final String NAME = "enablement.program-rates";

	/** Who the job computes the rates as: they are the same for all vendor staff. */
	private static final Viewer JOB = new Viewer(0, "enablement daily job", Role.ADMIN, null);

	private final Enablement enablement;

	EnablementFigures(Enablement enablement, PageFigureStore store,
			@Value("${trellis.enablement.daily-cron:0 5 6 * * *}") String cron) {
		super(store, NAME, cron);
		this.enablement = enablement;
	}

	@Scheduled(cron = "${trellis.enablement.daily-cron:0 5 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		storeDaily();
	}

	@Override
	protected Map<String, Long> computeForProgram() {
		return this.enablement.programRates(JOB);
	}

	@Override
	protected JavaType type(TypeFactory types) {
		return types.constructMapType(java.util.LinkedHashMap.class, String.class, Long.class);
	}

	/**
	 * The rates as stored, with their time; computed per request (time null) when nothing
	 * is stored. Partner users are refused first.
	 */
	Shown<Map<String, Long>> rates(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			return new Shown<>(this.enablement.programRates(viewer), null);
		}
		return storedOr(() -> this.enablement.programRates(viewer));
	}

}
