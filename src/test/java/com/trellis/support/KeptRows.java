package com.trellis.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept table's rows against their recount from the base tables. */
public final class KeptRows {

	private KeptRows() {
	}

	/**
	 * Asserts the rows of {@code kept} equal those of {@code recounted} (two queries of
	 * the same columns): neither has a row the other lacks.
	 */
	public static void assertEqualRecount(JdbcClient jdbc, String kept, String recounted, String when) {
		for (var sql : List.of("(" + kept + ") EXCEPT (" + recounted + ")",
				"(" + recounted + ") EXCEPT (" + kept + ")")) {
			assertThat(jdbc.sql(sql).query().listOfRows()).as(when).isEmpty();
		}
	}

}
