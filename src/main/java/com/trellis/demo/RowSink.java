package com.trellis.demo;

import java.util.List;

/**
 * Where the generator writes its rows: one {@link Table} at a time, in foreign-key order.
 * A table may be opened more than once (users are written before and after partners).
 */
interface RowSink {

	Table table(String name, List<String> columns);

	/**
	 * The rows of one table; values are {@code Long}, {@code Integer}, {@code String},
	 * {@code BigDecimal}, {@code Instant}, {@code LocalDate}, {@code List<String>} (an
	 * array) or {@code null}, in column order.
	 */
	interface Table extends AutoCloseable {

		void row(Object... values);

		@Override
		void close();

	}

}
