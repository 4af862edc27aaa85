package com.trellis.demo;

import java.time.Duration;
import java.util.Map;

/**
 * What a demo load wrote.
 *
 * @param rowsPerTable rows copied into each table, in load order
 * @param took how long the whole load took, generation included
 */
public record LoadReport(Map<String, Long> rowsPerTable, Duration took) {

	public LoadReport {
		rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerTable));
	}

	public long totalRows() {
		return this.rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
	}

}
