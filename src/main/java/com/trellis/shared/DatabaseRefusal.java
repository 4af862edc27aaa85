package com.trellis.shared;

import java.sql.SQLException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * What a refused database write means for the caller. A unique key, a foreign key, a
 * check, a lock or a serialisation failure says the request collided with the current
 * state or with another request (409 Conflict); a value the database cannot store (too
 * long, out of range, a NUL character) is bad input (400); anything else is a server
 * error.
 *
 * @param status the answer to give
 * @param reason why, in words fit for the caller
 */
public record DatabaseRefusal(HttpStatus status, String reason) {

	public static DatabaseRefusal of(DataAccessException ex) {
		var state = sqlState(ex);
		if (ex instanceof ConcurrencyFailureException || state != null && state.startsWith("40")) {
			return new DatabaseRefusal(HttpStatus.CONFLICT,
					"Another change to the same record got there first; reload and try again");
		}
		if (state != null && state.startsWith("22")) {
			return new DatabaseRefusal(HttpStatus.BAD_REQUEST, "A value is too long, out of range or not allowed");
		}
		if (ex instanceof DataIntegrityViolationException || state != null && state.startsWith("23")) {
			return new DatabaseRefusal(HttpStatus.CONFLICT, "This conflicts with the current state of the record");
		}
		return new DatabaseRefusal(HttpStatus.INTERNAL_SERVER_ERROR, "The database failed");
	}

	private static String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}
