package com.trellis.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the application when no external database is
 * configured ({@code spring.datasource.url} unset). The server is durable (fsync and
 * synchronous commit on) and keeps its data folder, so demo data survives restarts. A
 * server left running by a Trellis that was killed is stopped before the start (see
 * {@link StaleServerRecovery}); the server's own log goes to {@code <data folder>.log},
 * and a failed start is logged here with the end of that log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		var dataDir = properties.ephemeral() ? Files.createTempDirectory("trellis-pg-")
				: properties.dataDir().toAbsolutePath();
		Files.createDirectories(dataDir);
		log.info("Starting embedded PostgreSQL with data in {}", dataDir);
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(properties.ephemeral())
			.setRegisterShutdownHook(false)
			.setPort(properties.port())
			.setPGStartupWait(properties.startupTimeout())
			.setServerConfig("fsync", properties.ephemeral() ? "off" : "on")
			.setServerConfig("synchronous_commit", properties.ephemeral() ? "off" : "on")
			.setServerConfig("full_page_writes", properties.ephemeral() ? "off" : "on")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "256MB");
		Path serverLog = null;
		if (!properties.ephemeral()) {
			StaleServerRecovery.recover(dataDir, properties.startupTimeout());
			serverLog = dataDir.resolveSibling(dataDir.getFileName() + ".log");
			builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()));
		}
		try {
			return builder.start();
		}
		catch (IOException | RuntimeException ex) {
			log.error("The embedded PostgreSQL did not start on {}: {}{}", dataDir, ex.getMessage(), tail(serverLog),
					ex);
			throw ex;
		}
	}

	private static String tail(Path serverLog) {
		if (serverLog == null || !Files.exists(serverLog)) {
			return "";
		}
		try {
			var lines = Files.readAllLines(serverLog);
			return "\nLast lines of " + serverLog + ":\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return " (its log " + serverLog + " cannot be read: " + ex.getMessage() + ")";
		}
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		var dataSource = new CheckpointedPool();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(16);
		dataSource.setPoolName("trellis-embedded");
		return dataSource;
	}

	/**
	 * The embedded server's pool. Closed when Trellis stops (before the server), it first
	 * has the server write its changed pages (a {@code CHECKPOINT}, waited for as long as
	 * it takes), so the server's own shutdown checkpoint has little left to write: the
	 * embedded server's stop gives it 5 seconds ({@code pg_ctl stop -t 5}), and after a
	 * busy session on a loaded machine it took 6.3 s and the stop logged an error with a
	 * stack trace, although the server then stopped cleanly.
	 */
	static final class CheckpointedPool extends HikariDataSource {

		@Override
		public void close() {
			if (!isClosed()) {
				try (var connection = getConnection(); var statement = connection.createStatement()) {
					statement.execute("CHECKPOINT");
				}
				catch (java.sql.SQLException | RuntimeException ex) {
					log.warn("No checkpoint before stopping the embedded PostgreSQL: {}", ex.getMessage());
				}
			}
			super.close();
		}

	}

}
