package com.trellis.forecast;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import com.trellis.deals.DealClosed;
import com.trellis.deals.DealReopened;
import com.trellis.deals.DealsImported;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The learned model of the live forecast, kept between requests: learning it reads the
 * whole closed history, which every roll-up would otherwise repeat. It is learned again
 * when it is older than {@code trellis.forecast.model-ttl} (default five minutes; zero
 * learns on every read) and after a deal closes or reopens on this instance. One reader
 * at a time learns; while it does, the others keep using the previous model instead of
 * all reading the history at once.
 */
@Component
class LiveModel {

	private final ForecastModel model;

	private final long ttlNanos;

	private final LongSupplier ticker;

	private final ReentrantLock learning = new ReentrantLock();

	private volatile Learned learned;

	private volatile boolean stale;

	@Autowired
	LiveModel(ForecastModel model, @Value("${trellis.forecast.model-ttl:5m}") Duration ttl) {
		this(model, ttl, System::nanoTime);
	}

	LiveModel(ForecastModel model, Duration ttl, LongSupplier ticker) {
		this.model = model;
		this.ttlNanos = ttl.toNanos();
		this.ticker = ticker;
	}

	Map<String, Map<String, StageProbabilities.Estimate>> probabilities() {
		return current().probabilities();
	}

	Map<String, Map<String, StageNorms.Norm>> norms() {
		return current().norms();
	}

	/** The paths closed deals took after each stage, per group. */
	Map<String, RemainingPath.Visits> paths() {
		return current().paths();
	}

	/** Learns the model now, whatever its age. */
	void relearn() {
		this.learning.lock();
		try {
			learn();
		}
		finally {
			this.learning.unlock();
		}
	}

	@TransactionalEventListener
	void on(DealClosed closed) {
		this.stale = true;
	}

	@TransactionalEventListener
	void on(DealsImported imported) {
		this.stale = true;
	}

	@TransactionalEventListener
	void on(DealReopened reopened) {
		this.stale = true;
	}

	@Scheduled(fixedDelayString = "${trellis.forecast.model-refresh:1m}")
	void refresh() {
		var known = this.learned;
		if (this.ttlNanos > 0 && known != null && outdated(known) && this.learning.tryLock()) {
			try {
				learn();
			}
			finally {
				this.learning.unlock();
			}
		}
	}

	private Learned current() {
		var known = this.learned;
		if (known != null && this.ttlNanos > 0) {
			return known;
		}
		this.learning.lock();
		try {
			known = this.learned;
			return (known == null || outdated(known)) ? learn() : known;
		}
		finally {
			this.learning.unlock();
		}
	}

	private boolean outdated(Learned known) {
		return this.stale || this.ticker.getAsLong() - known.at() >= this.ttlNanos;
	}

	private Learned learn() {
		this.stale = false;
		var fresh = new Learned(this.model.probabilities(null), this.model.norms(null, true),
				this.model.paths(null, true), this.ticker.getAsLong());
		this.learned = fresh;
		return fresh;
	}

	private record Learned(Map<String, Map<String, StageProbabilities.Estimate>> probabilities,
			Map<String, Map<String, StageNorms.Norm>> norms, Map<String, RemainingPath.Visits> paths, long at) {
	}

}
