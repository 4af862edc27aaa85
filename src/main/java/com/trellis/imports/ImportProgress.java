package com.trellis.imports;

/**
 * What a running import reports as it goes: its phase and rows read, validated, applied.
 */
interface ImportProgress {

	ImportProgress NONE = new ImportProgress() {
	};

	default void phase(String phase) {
	}

	/** One more row read from a file. */
	default void read() {
	}

	default void validated(long rows) {
	}

	/** {@code rows} more rows written. */
	default void applied(long rows) {
	}

}
