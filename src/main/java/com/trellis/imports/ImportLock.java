package com.trellis.imports;

import com.trellis.shared.ConflictException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transaction-scoped advisory lock a real import run holds on its source (one source
 * system, or one Trellis format) until it commits. Taken with a try-lock: a request never
 * waits for another run (which may take minutes) but answers 409 at once.
 */
final class ImportLock {

	static final String RUNNING = "another import is running; wait until it has finished";

	private ImportLock() {
	}

	/**
	 * Claims the lock named {@code key} until the transaction ends.
	 * @throws ConflictException (409, field {@code import}) while another run holds it
	 */
	static void claim(JdbcClient jdbc, String key) {
		boolean claimed = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(:key))")
			.param("key", key)
			.query(Boolean.class)
			.single();
		if (!claimed) {
			throw new ConflictException("import", RUNNING);
		}
	}

}
