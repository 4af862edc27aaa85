package com.trellis.shared;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.JavaType;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The shape shared by a page's program-wide figures that a daily job computes and stores
 * ({@link PageFigureStore}, one set under {@link PageFigureStore#PROGRAM}): the job's run
 * ({@link #storeDaily}: once a business day across instances), its start-up run unless
 * the job is switched off ({@code -} as its cron), and the page's read of the stored set
 * with its time, or the per-request computation (time null) while nothing is stored. A
 * subclass names the set, gives the figures' JSON type and how the job computes them, and
 * carries its own {@code @Scheduled} method (the cron setting is the module's).
 *
 * @param <T> the figures as the page shows them
 */
public abstract class DailyProgramFigures<T> implements DailyFigures {

	private final PageFigureStore store;

	private final String name;

	private final boolean scheduled;

	/**
	 * @param store where the sets are kept
	 * @param name the set's name ({@code adoption.diagnosis})
	 * @param cron the job's cron setting as configured; {@code -} switches the job and
	 * its start-up run off
	 */
	protected DailyProgramFigures(PageFigureStore store, String name, String cron) {
		this.store = store;
		this.name = name;
		this.scheduled = !"-".equals(cron.strip());
	}

	/** The program's figures as the job computes them (now, for the whole program). */
	protected abstract T computeForProgram();

	/** The JSON type of the stored figures. */
	protected abstract JavaType type(tools.jackson.databind.type.TypeFactory types);

	/** The start-up run, so a fresh instance or demo has its figures at once. */
	@EventListener(ApplicationReadyEvent.class)
	public void startUp() {
		if (this.scheduled) {
			storeDaily();
		}
	}

	/**
	 * Computes and stores the program's figures unless another instance holds the run or
	 * they were stored today (business day); true when this call stored them.
	 */
	@Override
	public boolean storeDaily() {
		return this.store.storeDaily(this.name, () -> Map.of(PageFigureStore.PROGRAM, computeForProgram()));
	}

	/** The stored program figures with their time; empty until the job stores them. */
	protected Optional<PageFigureStore.Stored<T>> stored() {
		return this.store.read(this.name, PageFigureStore.PROGRAM, type(this.store.types()));
	}

	/**
	 * The stored program figures with their time, else {@code perRequest}'s with no time
	 * (computed now).
	 */
	protected Shown<T> storedOr(Supplier<T> perRequest) {
		return stored().map(s -> new Shown<>(s.value(), s.asOf())).orElseGet(() -> new Shown<>(perRequest.get(), null));
	}

	/**
	 * Figures as a page shows them, and when the daily job computed them (null: computed
	 * for this request).
	 */
	public record Shown<T>(T value, Instant asOf) {
	}

}
