package com.trellis.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a stop that comes while Trellis is still starting (Ctrl-C during the first start)
 * wait for the start-up work under way (the jobs that run once Trellis is ready: scoring,
 * tiers, cohorts, activation, forecast, imports) before the web server, the connection
 * pool and the embedded database are stopped, instead of pulling the pool from under
 * them, which filled the log with their failures. It stops just after the demo loader
 * (which gives its load up at once) and waits at most {@link #WAIT}; a stop after the
 * start does not wait.
 */
@Component
class StartupGate implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StartupGate.class);

	static final Duration WAIT = Duration.ofMinutes(2);

	private final Object lock = new Object();

	private boolean starting;

	private volatile boolean running;

	/** The context is refreshed; the runners and the ready event's jobs come next. */
	@EventListener(ApplicationStartedEvent.class)
	void starting() {
		synchronized (this.lock) {
			this.starting = true;
		}
	}

	/**
	 * Trellis accepts traffic: announced after every listener of the ready event (the
	 * start-up jobs) has run.
	 */
	@EventListener
	void ready(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
			started();
		}
	}

	/** The start failed: nothing is under way any more. */
	@EventListener(ApplicationFailedEvent.class)
	void started() {
		synchronized (this.lock) {
			this.starting = false;
			this.lock.notifyAll();
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		synchronized (this.lock) {
			this.running = false;
			if (!this.starting) {
				return;
			}
			log.info("Stopping: letting the start-up work under way finish first (at most {} s)", WAIT.toSeconds());
			long until = System.currentTimeMillis() + WAIT.toMillis();
			while (this.starting && System.currentTimeMillis() < until) {
				try {
					this.lock.wait(Math.max(1, until - System.currentTimeMillis()));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops right after the demo loader (the highest phase), before everything else. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

}
