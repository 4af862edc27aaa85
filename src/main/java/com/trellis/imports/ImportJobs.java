package com.trellis.imports;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs real imports in the background, one at a time, with durable status
 * ({@link ImportRuns}): the rows read, validated and applied and the phase are written
 * every half second (with a heartbeat) from another thread while the run applies
 * everything in one transaction, which also marks it SUCCEEDED. A failed run rolls back
 * and is marked FAILED with its errors; a run whose instance stopped is marked FAILED by
 * the next check (at start-up and every 30 seconds) once its heartbeat is a minute old.
 */
@Service
class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final CrmImport imports;

	private final ImportUploads uploads;

	private final ImportRuns runs;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-run"));

	/** Checks (dry runs) write nothing: they run beside the real run, two at a time. */
	private final ExecutorService checker = Executors.newFixedThreadPool(2, r -> new Thread(r, "import-check"));

	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(r -> new Thread(r, "import-progress"));

	ImportJobs(CrmImport imports, ImportUploads uploads, ImportRuns runs, PlatformTransactionManager transactions,
			Clock clock) {
		this.imports = imports;
		this.uploads = uploads;
		this.runs = runs;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Starts the real run of an upload with the mapping's choices; returns its id. */
	long start(Viewer viewer, ImportUploads.Upload upload, Map<String, String> mapping) {
		return start(viewer, upload, mapping, false);
	}

	/**
	 * Starts the real run or the check (dry run) of an upload with the mapping's choices;
	 * returns its id. Its status (and heartbeat) is written from now on, also while it
	 * waits for its turn.
	 */
	long start(Viewer viewer, ImportUploads.Upload upload, Map<String, String> mapping, boolean dryRun) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin imports CRM exports");
		}
		var choices = ImportRequest.mapping(mapping);
		var kept = new java.util.TreeMap<String, String>();
		mapping.forEach((name, value) -> {
			if (name.contains(".") || name.equals("createUnknownOwners") || name.equals("currency")
					|| name.equals("partnerPam")) {
				kept.put(name, value);
			}
		});
		long id = this.runs.start(upload.id(), upload.system(), viewer.userId(), dryRun, kept, this.clock.instant());
		var progress = new Counting();
		var tick = this.ticker.scheduleWithFixedDelay(() -> flush(id, progress), 0, 500, TimeUnit.MILLISECONDS);
		(dryRun ? this.checker : this.worker)
			.execute(() -> execute(id, viewer, upload, choices, dryRun, progress, tick));
		return id;
	}

	private void execute(long id, Viewer viewer, ImportUploads.Upload upload, ImportMapping mapping, boolean dryRun,
			Counting progress, java.util.concurrent.ScheduledFuture<?> tick) {
		try {
			this.transaction.executeWithoutResult(status -> {
				var report = run(this.imports, viewer, upload, mapping, dryRun, progress);
				tick.cancel(false);
				this.runs.finish(id, true, progress.read.get(), progress.applied.get(), null, report,
						this.clock.instant());
			});
		}
		catch (InvalidInputException ex) {
			var report = new ImportReport(false, false, ex.errors().size(), ex.errors(), java.util.List.of(), Map.of(),
					java.util.List.of(), java.util.List.of(), java.util.List.of());
			this.runs.finish(id, false, progress.read.get(), 0,
					"Nothing imported: " + ex.errors().size()
							+ " rows or values cannot be imported; fix them or the mapping, then import again",
					report, this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Import run {} failed", id, ex);
			this.runs.finish(id, false, progress.read.get(), 0, "Nothing imported: " + ex.getMessage(), null,
					this.clock.instant());
		}
		finally {
			tick.cancel(false);
		}
	}

	private void flush(long id, Counting progress) {
		try {
			this.runs.progress(id, progress.phase.get(), progress.read.get(), progress.validated.get(),
					progress.applied.get(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the progress of import run {}: {}", id, ex.getMessage());
		}
	}

	/** Marks runs whose instance stopped as FAILED: nothing of them was applied. */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${trellis.imports.stale-check:30s}")
	void failStale() {
		int failed = this.runs.failStale(this.clock.instant());
		if (failed > 0) {
			log.warn("{} import runs lost their instance and are marked failed", failed);
		}
	}

	/** Checks (dry run) or imports an uploaded export. */
	static ImportReport run(CrmImport imports, Viewer viewer, ImportUploads.Upload upload, ImportMapping mapping,
			boolean dryRun, ImportProgress progress) {
		var files = upload.files();
		if (upload.system().equals("HUBSPOT")) {
			var hubspot = new HubspotExport.Files(files.get("companies"), files.get("deals"));
			return imports.run(viewer, "HUBSPOT", hubspot, mapping, dryRun, progress);
		}
		var salesforce = new SalesforceExport.Files(files.get("Account"), files.get("User"), files.get("Opportunity"),
				files.get("OpportunityHistory"), files.get("OpportunityPartner"), files.get("Partner"));
		return imports.run(viewer, "SALESFORCE", salesforce, mapping, dryRun, progress);
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
		this.checker.shutdownNow();
		this.ticker.shutdownNow();
	}

	/** Progress counted in memory, written by the ticker. */
	private static final class Counting implements ImportProgress {

		private final AtomicReference<String> phase = new AtomicReference<>("QUEUED");

		private final AtomicLong read = new AtomicLong();

		private final AtomicLong validated = new AtomicLong();

		private final AtomicLong applied = new AtomicLong();

		@Override
		public void phase(String phase) {
			this.phase.set(phase);
		}

		@Override
		public void read() {
			this.read.incrementAndGet();
		}

		@Override
		public void validated(long rows) {
			this.validated.set(rows);
		}

		@Override
		public void applied(long rows) {
			this.applied.addAndGet(rows);
		}

	}

}
