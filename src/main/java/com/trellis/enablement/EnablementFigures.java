package com.trellis.enablement;

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
 * The enablement program page's completion rates ({@link Enablement#programRates}: every
 * partner's and user's progress through the curriculum), computed by a daily job and
 * stored with their time ({@code stored_page_figures}, set {@value #NAME}; once a
 * business day across instances), so the page reads them and says "as of"; computed per
 * request until the job first stores them. The job runs at
 * {@code trellis.enablement.daily-cron} (default 06:05; {@code -} for never) and at
 * start-up. The API still computes them per request.
 */
@Component
class EnablementFigures {

	static final String NAME = "enablement.program-rates";

	/** Who the job computes the rates as: they are the same for all vendor staff. */
	private static final Viewer JOB = new Viewer(0, "enablement daily job", Role.ADMIN, null);

	private final Enablement enablement;

	private final PageFigureStore store;

	private final boolean scheduled;

	EnablementFigures(Enablement enablement, PageFigureStore store,
			@Value("${trellis.enablement.daily-cron:0 5 6 * * *}") String cron) {
		this.enablement = enablement;
		this.store = store;
		this.scheduled = !"-".equals(cron.strip());
	}

	@Scheduled(cron = "${trellis.enablement.daily-cron:0 5 6 * * *}", zone = "${trellis.business.time-zone:UTC}")
	void daily() {
		storeDaily();
	}

	@EventListener(ApplicationReadyEvent.class)
	void startUp() {
		if (this.scheduled) {
			storeDaily();
		}
	}

	/** Stores the program's rates unless done today or held by another instance. */
	boolean storeDaily() {
		return this.store.storeDaily(NAME, () -> Map.of(PageFigureStore.PROGRAM, this.enablement.programRates(JOB)));
	}

	/**
	 * The rates as stored, with their time; computed per request (time null) when nothing
	 * is stored. Partner users are refused first.
	 */
	Shown rates(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			return new Shown(this.enablement.programRates(viewer), null);
		}
		var stored = this.store.<Map<String, Long>>read(NAME, PageFigureStore.PROGRAM,
				this.store.types().constructMapType(java.util.LinkedHashMap.class, String.class, Long.class));
		return stored.map(s -> new Shown(s.value(), s.asOf()))
			.orElseGet(() -> new Shown(this.enablement.programRates(viewer), null));
	}

	/** The rates as the page shows them, and when the job computed them (null: now). */
	record Shown(Map<String, Long> value, Instant asOf) {
	}

}
