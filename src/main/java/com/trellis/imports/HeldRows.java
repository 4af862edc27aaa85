package com.trellis.imports;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * How many rows of an export the import holds in memory at once, and the most it held: a
 * row being read, a page of planned rows being written. The import's memory is flat when
 * this stays within a page ({@code trellis.imports.page-size}) whatever the size of the
 * files; a test holds it to that.
 */
@Component
class HeldRows {

	private final AtomicLong held = new AtomicLong();

	private final AtomicLong peak = new AtomicLong();

	void hold(long rows) {
		long now = this.held.addAndGet(rows);
		this.peak.accumulateAndGet(now, Math::max);
	}

	void release(long rows) {
		this.held.addAndGet(-rows);
	}

	/** The most rows held at once since the last {@link #reset}. */
	long peak() {
		return this.peak.get();
	}

	void reset() {
		this.held.set(0);
		this.peak.set(0);
	}

}
