package com.trellis.support;

import java.time.LocalDate;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * {@link GuidanceWeeks} of its own for each test of a Spring test class: registered as
 * {@code @RegisterExtension final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();}, it
 * takes the weeks before the test's own {@code @BeforeEach} methods and puts the guidance
 * tables back after its {@code @AfterEach} methods.
 */
public final class OwnGuidanceWeeks implements BeforeEachCallback, AfterEachCallback {

	private GuidanceWeeks weeks;

	@Override
	public void beforeEach(ExtensionContext context) {
		var spring = SpringExtension.getApplicationContext(context);
		this.weeks = new GuidanceWeeks(spring.getBean(JdbcClient.class), spring.getBean(TestClock.class));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.weeks != null) {
			this.weeks.close();
			this.weeks = null;
		}
	}

	/** {@link GuidanceWeeks#monday(int)} of this test's weeks. */
	public LocalDate monday(int weeks) {
		return this.weeks.monday(weeks);
	}

}
