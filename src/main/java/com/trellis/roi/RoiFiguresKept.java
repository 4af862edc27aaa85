package com.trellis.roi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ROI page's figures kept between requests (issue 15): computing them reads the
 * quarter's figures of every partner in the scope (about 100 ms of the database's time
 * for a program of 40,000 partners), and eight readers of the program's page at once each
 * waited for all eight computations. Figures are kept per scope (the program, a PAM's
 * book, a partner), quarter and page of the cohorts for
 * {@code trellis.roi.page-figures-ttl} (default one minute; zero computes them on every
 * request), computed by one reader while the others of the same figures wait for it, and
 * computed again at once when program spend, the cost rates or the exchange rates changed
 * since (on any instance: the count of such writes, {@code roi_figures_change}, kept by
 * triggers, V296, is part of the key). Deals, tiers and cohorts that change show within
 * the time to keep; the page says when its figures were computed. At most {@value #KEPT}
 * figure sets are kept, least used dropped first.
 */
@Component
class RoiFiguresKept {

	/** Figure sets kept at most. */
	static final int KEPT = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	private final Cache<Key, Kept> kept;

	@Autowired
	RoiFiguresKept(JdbcClient jdbc, Clock clock, @Value("${trellis.roi.page-figures-ttl:1m}") Duration ttl) {
		this(jdbc, clock, ttl, Ticker.systemTicker());
	}

	RoiFiguresKept(JdbcClient jdbc, Clock clock, Duration ttl, Ticker ticker) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
		this.kept = Caffeine.newBuilder().maximumSize(KEPT).expireAfterWrite(ttl).ticker(ticker).build();
	}

	/**
	 * The figures of {@code key} (without its count of changes, which this reads), kept
	 * or computed now by {@code compute} in the caller's transaction; the moment they
	 * were computed is null when figures are not kept ({@code ttl} zero).
	 */
	Kept get(Key key, Supplier<Roi.PageFigures> compute) {
		if (this.ttl.isZero()) {
			return new Kept(compute.get(), null);
		}
		long changes = this.jdbc.sql("SELECT changes FROM roi_figures_change WHERE id = 1").query(Long.class).single();
		return this.kept.get(key.withChanges(changes), k -> new Kept(compute.get(), this.clock.instant()));
	}

	/** How long figures are kept; zero when they are computed on every request. */
	Duration ttl() {
		return this.ttl;
	}

	/**
	 * Which figures: whose ({@code scope}), the quarter, how many partners are listed and
	 * shown to reinvest in, the page of the cohorts (offset and size; size
	 * {@link RoiPageRepository#ALL_COHORTS} for every cohort) and the count of spend,
	 * rate and exchange rate writes they were computed after.
	 */
	record Key(RoiScope scope, String quarter, int listed, int reinvested, long cohortOffset, int cohortSize,
			long changes) {

		Key withChanges(long count) {
			return new Key(this.scope, this.quarter, this.listed, this.reinvested, this.cohortOffset, this.cohortSize,
					count);
		}

	}

	/**
	 * Figures and when they were computed (null when computed for this request alone).
	 */
	record Kept(Roi.PageFigures figures, Instant asOf) {
	}

}
