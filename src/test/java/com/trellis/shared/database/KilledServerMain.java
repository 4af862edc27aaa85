package com.trellis.shared.database;

import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Run in a child JVM by {@link EmbeddedPostgresRestartTest}: starts the embedded
 * PostgreSQL on the given folder, writes a row, says READY and waits to be killed.
 */
final class KilledServerMain {

	private KilledServerMain() {
	}

	public static void main(String[] args) throws Exception {
		var properties = new EmbeddedPostgresProperties(Path.of(args[0]), 0, false, null);
		var configuration = new EmbeddedPostgresConfiguration();
		var postgres = configuration.embeddedPostgres(properties);
		var jdbc = JdbcClient.create(configuration.dataSource(postgres));
		jdbc.sql("CREATE TABLE IF NOT EXISTS written_before_kill (note TEXT)").update();
		jdbc.sql("INSERT INTO written_before_kill VALUES (:note)").param("note", args[1]).update();
		System.out.println("READY " + postgres.getPort());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
