package com.trellis.demo;

/**
 * A demo load given up because Trellis is stopping; its transaction rolls back, so the
 * next start loads the demo again.
 */
final class DemoLoadStopped extends RuntimeException {

	DemoLoadStopped() {
		super("Trellis is stopping; the demo load was given up", null, false, false);
	}

}
