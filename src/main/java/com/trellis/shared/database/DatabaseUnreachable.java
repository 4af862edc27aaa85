package com.trellis.shared.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails because PostgreSQL gives no connection (a wrong password, a server
 * that is down or not at the address, a database that does not exist) ends with one short
 * report naming the cause and the settings to check, under Spring Boot's "APPLICATION
 * FAILED TO START", instead of a bean's creation error over some 150 lines of stack trace
 * with PostgreSQL's message deep inside (operator try-out s52). Registered in
 * {@code META-INF/spring.factories}.
 */
class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		var state = cause.getSQLState();
		// 08: connection exceptions; 28: invalid authorization; 3D000: no such database
		if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
			return null;
		}
		return new FailureAnalysis("Trellis could not connect to its PostgreSQL: " + cause.getMessage(),
				"Check the database settings: SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
						+ "SPRING_DATASOURCE_PASSWORD (README, An external PostgreSQL), that the server runs and "
						+ "accepts connections from this machine (its pg_hba.conf), and that the database exists.",
				cause);
	}

}
