package com.trellis.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the demo ecosystem is loaded at start-up.
 *
 * @param enabled load the demo when the partner table is empty
 * @param seed the random seed; the same seed on the same day gives the same data
 * @param size {@code large} for the benchmark size ({@link DemoSize#LARGE}); anything
 * else uses the counts below
 * @param partners how many partners
 * @param reps how many account executives
 * @param teams how many sales teams, one manager each
 * @param accounts how many customer accounts
 * @param opportunities how many opportunities
 * @param events how many partner activity events
 */
@ConfigurationProperties("trellis.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("20261122") long seed,
		@DefaultValue("default") String size, @DefaultValue("300") int partners, @DefaultValue("40") int reps,
		@DefaultValue("6") int teams, @DefaultValue("3000") int accounts, @DefaultValue("8000") int opportunities,
		@DefaultValue("100000") long events) {

	/** The sizes to load: {@link DemoSize#LARGE} when {@code size=large}. */
	public DemoSize demoSize() {
		if ("large".equalsIgnoreCase(this.size)) {
			return DemoSize.LARGE;
		}
		return new DemoSize(this.partners, this.reps, this.teams, this.accounts, this.opportunities, this.events);
	}

}
