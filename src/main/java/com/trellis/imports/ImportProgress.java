package com.trellis.imports;

/**
 * What a running import reports as it goes: its phase; the rows read from the export's
 * files and, of these, the rows validated (the same unit: file rows); and the records
 * applied (written): accounts, partners, deals and each deal's stage changes, which are
 * not file rows (a HubSpot deal row carries its stage changes in its cells), so records
 * written may exceed rows read.
 */
interface ImportProgress {

	ImportProgress NONE = new ImportProgress() {
	};

	default void phase(String phase) {
	}

	/** One more row read from a file. */
	default void read() {
	}

	/** {@code rows} rows of the files validated (at most the rows read). */
	default void validated(long rows) {
	}

	/**
	 * {@code rows} more records written: accounts, partners, deals and stage changes.
	 */
	default void applied(long rows) {
	}

}
