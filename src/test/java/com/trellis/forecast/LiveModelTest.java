package com.trellis.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.trellis.deals.DealClosed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveModelTest {

	private final AtomicInteger learnt = new AtomicInteger();

	private final AtomicLong now = new AtomicLong();

	private volatile Runnable whileLearning = () -> {
	};

	private final ForecastModel model = new ForecastModel(null, null, null) {

		@Override
		Map<String, Map<String, StageProbabilities.Estimate>> probabilities(Instant before) {
			LiveModelTest.this.learnt.incrementAndGet();
			LiveModelTest.this.whileLearning.run();
			return Map.of();
		}

		@Override
		Map<String, Map<String, StageNorms.Norm>> norms(Instant before, boolean learn) {
			return Map.of();
		}

		@Override
		Map<String, RemainingPath.Visits> paths(Instant before, boolean learn) {
			return Map.of();
		}

	};

	private final LiveModel live = new LiveModel(this.model, Duration.ofMinutes(5), this.now::get);

	@Test
	void requestsKeepThePreviousModelWhileTheBackgroundPassLearns() throws Exception {
		this.live.probabilities();
		this.now.addAndGet(Duration.ofMinutes(6).toNanos());
		var entered = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		this.whileLearning = () -> {
			entered.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		var pass = new Thread(this.live::refresh);
		pass.start();
		entered.await();
		this.live.probabilities();
		assertThat(this.learnt).as("the request did not learn too").hasValue(2);
		release.countDown();
		pass.join();
	}

	@Test
	void theBackgroundPassLearnsOnlyWhenTheModelIsTooOldOrADealClosed() {
		this.live.probabilities();
		assertThat(this.learnt).as("no model yet: the first request learns").hasValue(1);
		this.now.addAndGet(Duration.ofMinutes(4).toNanos());
		this.live.refresh();
		this.live.probabilities();
		assertThat(this.learnt).hasValue(1);

		this.now.addAndGet(Duration.ofMinutes(1).toNanos());
		this.live.probabilities();
		assertThat(this.learnt).as("requests never wait for learning").hasValue(1);
		this.live.refresh();
		assertThat(this.learnt).as("five minutes old").hasValue(2);

		this.live.on(new DealClosed(1, null, true));
		this.live.refresh();
		assertThat(this.learnt).as("a deal closed").hasValue(3);
		this.live.refresh();
		assertThat(this.learnt).hasValue(3);
	}

}
