package com.trellis.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresConfigurationTest {

	private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

	@TempDir
	Path folder;

	@Test
	void runsDurablyAndKeepsItsDataAcrossRestarts() throws Exception {
		var properties = new EmbeddedPostgresProperties(this.folder.resolve("pg"), 0, false, null);

		try (var postgres = this.configuration.embeddedPostgres(properties)) {
			var dataSource = this.configuration.dataSource(postgres);
			var jdbc = JdbcClient.create(dataSource);
			assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(dataSource).isInstanceOf(HikariDataSource.class);
			jdbc.sql("CREATE TABLE kept (note TEXT)").update();
			jdbc.sql("INSERT INTO kept VALUES ('still here')").update();
			close(dataSource);
		}
		assertThat(Files.exists(this.folder.resolve("pg").resolve("PG_VERSION"))).isTrue();

		try (var postgres = this.configuration.embeddedPostgres(properties)) {
			var dataSource = this.configuration.dataSource(postgres);
			assertThat(JdbcClient.create(dataSource).sql("SELECT note FROM kept").query(String.class).single())
				.isEqualTo("still here");
			close(dataSource);
		}
	}

	/**
	 * Closing the pool has the server write its changed pages first, so the stop's own
	 * checkpoint, which the embedded server's stop gives 5 seconds, has little left to
	 * write (try41: a stop after a busy session logged an error with a stack trace).
	 */
	@Test
	void closingThePoolCheckpointsBeforeTheServerStops() throws Exception {
		var properties = new EmbeddedPostgresProperties(this.folder.resolve("pg"), 0, false, null);
		try (var postgres = this.configuration.embeddedPostgres(properties)) {
			var dataSource = this.configuration.dataSource(postgres);
			var jdbc = JdbcClient.create(dataSource);
			jdbc.sql("CREATE TABLE dirty AS SELECT g AS n, repeat('x', 200) AS t FROM generate_series(1, 20000) g")
				.update();
			var direct = JdbcClient.create(postgres.getPostgresDatabase());
			long before = requested(direct);
			close(dataSource);
			assertThat(requested(direct)).isGreaterThan(before);
		}
	}

	private static long requested(JdbcClient jdbc) {
		return jdbc.sql("SELECT num_requested FROM pg_stat_checkpointer").query(Long.class).single();
	}

	private static void close(DataSource dataSource) {
		((HikariDataSource) dataSource).close();
	}

}
