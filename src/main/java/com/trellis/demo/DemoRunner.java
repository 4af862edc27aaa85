package com.trellis.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the demo ecosystem at start-up when {@code trellis.demo.enabled} is true and
 * there are no partners yet, so a restart keeps the data. {@code trellis.demo.size=large}
 * loads the benchmark size. Stopped while it loads (Ctrl-C during the first start), it
 * stops first: the load gives up at its next chunk of rows, its one transaction leaves
 * nothing, and only then do the web server, the connection pool and the database stop, so
 * that the log says so in one line instead of the loader's failures on a closed pool.
 */
@Component
class DemoRunner implements ApplicationRunner, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

	/** How long a stop waits for the load to give up or finish. */
	private static final long STOP_WAIT_MILLIS = 60_000;

	private final DemoData demo;

	private final DemoProperties properties;

	private final DemoAccountLists accountLists;

	private final DemoOverlapPlans overlapPlans;

	private final Object loadingLock = new Object();

	private boolean loading;

	private volatile boolean running;

	DemoRunner(DemoData demo, DemoProperties properties, DemoAccountLists accountLists, DemoOverlapPlans overlapPlans) {
		this.accountLists = accountLists;
		this.overlapPlans = overlapPlans;
		this.demo = demo;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.enabled()) {
			return;
		}
		if (this.demo.hasPartners()) {
			log.info("Demo data not loaded: there are partners already");
			return;
		}
		if (!this.demo.isEmpty()) {
			log.warn("Demo data not loaded: there are users but no partners; empty the database to load the demo");
			return;
		}
		synchronized (this.loadingLock) {
			if (!this.running) {
				return;
			}
			this.loading = true;
		}
		try {
			this.demo.load(this.properties.demoSize());
			this.accountLists.upload();
			this.overlapPlans.write();
		}
		catch (DemoLoadStopped ex) {
			log.info("Demo data not loaded: Trellis was stopped while loading it; nothing of it was kept, "
					+ "the next start loads it again");
		}
		finally {
			synchronized (this.loadingLock) {
				this.loading = false;
				this.loadingLock.notifyAll();
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Stops first of all (the highest phase): a running load is asked to give up, and the
	 * stop waits for it before anything it writes through is closed.
	 */
	@Override
	public void stop() {
		synchronized (this.loadingLock) {
			this.running = false;
			if (!this.loading) {
				return;
			}
			log.info("Stopping: giving up the demo load first");
			this.demo.requestStop();
			long until = System.currentTimeMillis() + STOP_WAIT_MILLIS;
			while (this.loading && System.currentTimeMillis() < until) {
				try {
					this.loadingLock.wait(Math.max(1, until - System.currentTimeMillis()));
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

}
