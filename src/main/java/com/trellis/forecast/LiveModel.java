package com.trellis.forecast;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

import com.trellis.deals.DealClosed;
import com.trellis.deals.DealReopened;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The learned model of the live forecast, kept between requests: learning it reads the
 * whole closed history, which every roll-up would otherwise repeat. It is learned again
 * when it is older than {@code trellis.forecast.model-ttl} (default five minutes; zero
 * learns on every read) and after a deal closes or reopens on this instance.
 */
@Component
class LiveModel {

	private final ForecastModel model;

	private final long ttlNanos;

	private final LongSupplier ticker;

	private volatile Learned learned;

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

	/** Learns the model now, whatever its age. */
	void relearn() {
		this.learned = null;
		current();
	}

	@TransactionalEventListener
	void on(DealClosed closed) {
		this.learned = null;
	}

	@TransactionalEventListener
	void on(DealReopened reopened) {
		this.learned = null;
	}

	private Learned current() {
		var now = this.ticker.getAsLong();
		var known = this.learned;
		if (known == null || now - known.at() >= this.ttlNanos) {
			known = new Learned(this.model.probabilities(null), this.model.norms(null, true), now);
			this.learned = known;
		}
		return known;
	}

	private record Learned(Map<String, Map<String, StageProbabilities.Estimate>> probabilities,
			Map<String, Map<String, StageNorms.Norm>> norms, long at) {
	}

}
