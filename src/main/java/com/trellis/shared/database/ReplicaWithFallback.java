package com.trellis.shared.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The reporting queries' connections: the read replica's while it answers, the primary's
 * (read-only) while it does not. A replica that is down, unreachable or refuses the
 * configured user used to fail every reporting page and API call after the pool's wait,
 * with the instance still reporting itself ready. Now a replica that cannot give a
 * connection within its pool's connection timeout is left for {@link #RETRY} and the
 * primary answers in its place, which is logged once when it starts and once when the
 * replica answers again. A query already running on a replica that stops still fails.
 */
final class ReplicaWithFallback extends AbstractDataSource {

	/** How long the primary answers before the replica is asked again. */
	static final Duration RETRY = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(ReplicaWithFallback.class);

	private final DataSource replica;

	private final DataSource primary;

	private final Clock clock;

	/** Since when the replica has not answered, with why; null while it answers. */
	private final AtomicReference<Failure> failure = new AtomicReference<>();

	ReplicaWithFallback(DataSource replica, DataSource primary, Clock clock) {
		this.replica = replica;
		this.primary = primary;
		this.clock = clock;
	}

	@Override
	public Connection getConnection() throws SQLException {
		var failed = this.failure.get();
		if (failed != null && this.clock.instant().isBefore(failed.retryAt())) {
			return onPrimary();
		}
		try {
			var connection = this.replica.getConnection();
			if (failed != null && this.failure.compareAndSet(failed, null)) {
				log.warn("The reporting replica answers again; reporting queries read from it");
			}
			return connection;
		}
		catch (SQLException ex) {
			var now = this.clock.instant();
			var next = new Failure(failed == null ? now : failed.since(), now.plus(RETRY), ex.getMessage());
			if (this.failure.compareAndSet(failed, next) && failed == null) {
				log.warn("The reporting replica gives no connection ({}); reporting queries read from the primary "
						+ "until it does, asked again every {} s", ex.getMessage(), RETRY.toSeconds());
			}
			return onPrimary();
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("Reporting connections use the configured users");
	}

	private Connection onPrimary() throws SQLException {
		var connection = this.primary.getConnection();
		connection.setReadOnly(true);
		return connection;
	}

	/**
	 * The replica has given no connection since {@code since}; asked again at
	 * {@code retryAt}.
	 */
	record Failure(Instant since, Instant retryAt, String reason) {
	}

}
