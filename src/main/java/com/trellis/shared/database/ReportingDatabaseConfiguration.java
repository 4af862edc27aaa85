package com.trellis.shared.database;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.trellis.shared.Reporting;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two {@link JdbcClient}s: the primary's, for everything, and the {@link Reporting}
 * one, on the read replica when {@code trellis.reporting.datasource.url} is set (its own
 * read-only pool, the same query timeout; the primary while the replica gives no
 * connection, {@link ReplicaWithFallback}) and the primary's own client otherwise, so
 * that without a replica reporting reads take part in the caller's transaction as before.
 * The replica's pool is no {@code DataSource} bean: Flyway, the transaction manager and
 * the event publication registry only ever see the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReportingDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ReportingDatabaseConfiguration.class);

	/**
	 * How long a reporting query waits for a replica connection before the primary
	 * answers.
	 */
	static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	@Primary
	JdbcClient jdbcClient(NamedParameterJdbcTemplate template) {
		return JdbcClient.create(template);
	}

	@Bean(destroyMethod = "close")
	ReplicaPool replicaPool(ReportingDataSourceProperties properties) {
		if (!properties.configured()) {
			return new ReplicaPool(Optional.empty());
		}
		var pool = new HikariDataSource();
		pool.setJdbcUrl(properties.url());
		pool.setUsername(properties.username());
		pool.setPassword(properties.password());
		pool.setReadOnly(true);
		pool.setMaximumPoolSize(properties.maximumPoolSize());
		pool.setPoolName("trellis-reporting");
		// a replica that gives no connection within this is left for the primary
		// (ReplicaWithFallback), rather than each page waiting the default 30 s
		pool.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
		log.info("Reporting queries read from the replica at {}", properties.url());
		return new ReplicaPool(Optional.of(pool));
	}

	@Bean
	@Reporting
	JdbcClient reportingJdbcClient(ReplicaPool replica, JdbcClient primary, JdbcTemplate primaryTemplate,
			DataSource primarySource, Clock clock) {
		return replica.pool().map(pool -> {
			var connections = new ReplicaWithFallback(pool, primarySource, clock);
			// said at start when the replica does not answer (it started silently)
			try (var connection = connections.getConnection()) {
				connection.isValid(1);
			}
			catch (SQLException ex) {
				log.warn("Neither the reporting replica nor the primary gave a connection at start: {}",
						ex.getMessage());
			}
			var template = new JdbcTemplate(connections);
			template.setQueryTimeout(primaryTemplate.getQueryTimeout());
			return JdbcClient.create(template);
		}).orElse(primary);
	}

	record ReplicaPool(Optional<HikariDataSource> pool) implements AutoCloseable {

		@Override
		public void close() {
			this.pool.ifPresent(HikariDataSource::close);
		}

	}

}
