package com.trellis.facts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Builds the facts once the schema is migrated, before the application serves anything:
 * the first start after the migration, or after the business time zone changed.
 */
@Component
class FactsStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(FactsStartup.class);

	private final DealFacts facts;

	FactsStartup(DealFacts facts) {
		this.facts = facts;
	}

	@Override
	public void afterSingletonsInstantiated() {
		long started = System.nanoTime();
		if (this.facts.buildIfNeeded()) {
			log.info("Deal facts built from the base tables in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
	}

}
