package com.trellis.shared.database;

import java.nio.file.Files;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.support.MigratedCopies;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test contexts' servers ({@link MigratedCopies}, copies of one migrated folder) run
 * as the application's own ephemeral server would after initdb and every migration: the
 * same server settings, the same schema, each copy a database of its own that Flyway
 * validates as fully migrated, and the copy deleted when its context closes.
 */
class MigratedCopiesTests {

	private static final String[] LOCATIONS = { "classpath:db/migration" };

	/**
	 * The server's settings not at their defaults (not a session's); the port is picked
	 * per server.
	 */
	private static final String SETTINGS = """
			SELECT name || '=' || setting FROM pg_settings
			WHERE source NOT IN ('default', 'override', 'session', 'client') AND name <> 'port' ORDER BY name
			""";

	/** The schema's relations, functions and triggers, by name and kind. */
	private static final String SCHEMA = """
			SELECT kind || ' ' || name FROM (
			    SELECT 'relation ' || relkind::text AS kind, relname AS name FROM pg_class
			    WHERE relnamespace = 'public'::regnamespace
			    UNION ALL SELECT 'function', proname || '(' || pg_get_function_identity_arguments(oid) || ')'
			    FROM pg_proc WHERE pronamespace = 'public'::regnamespace
			    UNION ALL SELECT 'trigger', tgrelid::regclass || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal
			) s ORDER BY 1
			""";

	@Test
	void aCopyIsAFullyMigratedDatabaseOfItsOwnWithTheApplicationsEphemeralSettings() throws Exception {
		var properties = new EmbeddedPostgresProperties(null, 0, true, null);
		var configuration = new EmbeddedPostgresConfiguration();
		List<String> settings;
		List<String> schema;
		try (var application = configuration.embeddedPostgres(properties)) {
			var dataSource = (HikariDataSource) configuration.dataSource(application);
			try (dataSource) {
				Flyway.configure().dataSource(dataSource).locations(LOCATIONS).load().migrate();
				settings = JdbcClient.create(dataSource).sql(SETTINGS).query(String.class).list();
				schema = JdbcClient.create(dataSource).sql(SCHEMA).query(String.class).list();
			}
		}
		assertThat(settings).contains("fsync=off", "synchronous_commit=off", "full_page_writes=off",
				"max_connections=100");
		assertThat(schema).hasSizeGreaterThan(500);

		var first = new MigratedCopies.CopiedFolder(LOCATIONS);
		var second = new MigratedCopies.CopiedFolder(LOCATIONS);
		try (var one = MigratedCopies.start(first, properties); var other = MigratedCopies.start(second, properties)) {
			var oneJdbc = JdbcClient.create(dataSource(one));
			assertThat(oneJdbc.sql(SETTINGS).query(String.class).list()).isEqualTo(settings);
			assertThat(oneJdbc.sql(SCHEMA).query(String.class).list()).isEqualTo(schema);
			Flyway.configure().dataSource(dataSource(one)).locations(LOCATIONS).load().validate();
			assertThat(oneJdbc.sql("SELECT count(*) FROM partner").query(Long.class).single()).isZero();

			oneJdbc.sql("CREATE TABLE only_in_one (note TEXT)").update();
			assertThat(JdbcClient.create(dataSource(other))
				.sql("SELECT count(*) FROM pg_class WHERE relname = 'only_in_one'")
				.query(Long.class)
				.single()).isZero();
		}
		first.destroy();
		second.destroy();
		assertThat(Files.exists(first.path())).isFalse();
		assertThat(Files.exists(second.path())).isFalse();
	}

	private static DataSource dataSource(EmbeddedPostgres server) {
		return server.getPostgresDatabase();
	}

}
