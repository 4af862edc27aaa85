package com.trellis.support;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Awaitility's polling for the test classes: the condition is checked at once and then
 * every 10 ms, instead of Awaitility's default of a first check after 100 ms and one
 * every 100 ms. An {@code await()} of a test waits for asynchronous work (an event
 * listener after the commit, a notice, an earning); with the default each one took at
 * least 100 ms, and up to 100 ms more than the work, about 100 waits in the suite. The
 * conditions and their {@code atMost} limits are unchanged; a {@code during} wait still
 * holds for its whole time (checked every 10 ms), and a wait that sets its own
 * {@code pollDelay} or {@code pollInterval} keeps them.
 */
public class AwaitPollsListener implements TestExecutionListener {

	static final Duration INTERVAL = Duration.ofMillis(10);

	@Override
	public void beforeTestClass(TestContext context) {
		if ("false".equals(System.getProperty("trellis.test.quick-polls"))) {
			return;
		}
		Awaitility.setDefaultPollDelay(Duration.ZERO);
		Awaitility.setDefaultPollInterval(INTERVAL);
	}

}
