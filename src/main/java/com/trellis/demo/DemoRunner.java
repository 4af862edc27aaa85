package com.trellis.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the demo ecosystem at start-up when {@code trellis.demo.enabled} is true and
 * there are no partners yet, so a restart keeps the data. {@code trellis.demo.size=large}
 * loads the benchmark size.
 */
@Component
class DemoRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);

	private final DemoData demo;

	private final DemoProperties properties;

	private final DemoAccountLists accountLists;

	private final DemoOverlapPlans overlapPlans;

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
		this.demo.load(this.properties.demoSize());
		this.accountLists.upload();
		this.overlapPlans.write();
	}

}
