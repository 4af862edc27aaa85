package com.trellis.support;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the shared test clock back after every test, so no test leaks a moved time into
 * the next.
 */
public class ResetClockListener implements TestExecutionListener {

	@Override
	public void afterTestMethod(TestContext context) {
		context.getApplicationContext().getBean(TestClock.class).reset();
	}

}
