package com.trellis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.trellis.shared.database.EmbeddedPostgresProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/**
 * Starts each test context's ephemeral embedded PostgreSQL on a copy of one data folder
 * that was initialised and migrated once per test JVM, instead of running initdb and all
 * migrations again for every context (about half of a context start). Each context still
 * gets a server and a database of its own, empty and fully migrated, with the settings
 * the application's ephemeral server has; the context's Flyway still runs and validates
 * every migration against it. The copy is deleted when the context closes, the template
 * when the JVM ends.
 * <p>
 * Only the test contexts of {@link TrellisTest} take this path (through
 * {@link TestSupportConfiguration}): the application's own start (initdb, then Flyway) is
 * what the instance tests and {@code FirstAdministratorTests} start, and
 * {@code MigratedCopiesTests} compares a copy's server settings with it.
 */
public final class MigratedCopies implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

	private static final Logger log = LoggerFactory.getLogger(MigratedCopies.class);

	private static final String SERVER_BEAN = "embeddedPostgres";

	private static Path template;

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Replaces the application's {@code embeddedPostgres} bean by a server on a fresh
	 * copy of the template, when the application starts one and it is ephemeral, unless
	 * {@code trellis.test.migrated-copies=false} (e.g. {@code -D} on the Maven command
	 * line, to compare with the application's own start).
	 */
	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(SERVER_BEAN)
				|| !this.environment.getProperty("trellis.embedded-db.ephemeral", Boolean.class, false)
				|| !this.environment.getProperty("trellis.test.migrated-copies", Boolean.class, true)) {
			return;
		}
		var locations = this.environment.getProperty("spring.flyway.locations", String[].class,
				new String[] { "classpath:db/migration" });
		registry.removeBeanDefinition(SERVER_BEAN);
		var folder = new RootBeanDefinition(CopiedFolder.class);
		folder.getConstructorArgumentValues().addGenericArgumentValue(locations);
		registry.registerBeanDefinition(SERVER_BEAN + "CopiedFolder", folder);
		var server = new RootBeanDefinition(MigratedCopies.class);
		server.setFactoryMethodName("start");
		server.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
		server.setDestroyMethodName("close");
		registry.registerBeanDefinition(SERVER_BEAN, server);
	}

	/**
	 * The server of one context, on its copied folder (the folder bean is destroyed after
	 * the server, as the server depends on it).
	 */
	public static EmbeddedPostgres start(CopiedFolder folder, EmbeddedPostgresProperties properties)
			throws IOException {
		log.info("Starting embedded PostgreSQL with data in {} (a copy of the migrated template)", folder.path);
		return server(folder.path, properties.port(), properties).start();
	}

	/**
	 * The application's ephemeral server settings
	 * ({@code EmbeddedPostgresConfiguration}); the folder is not cleaned, so a folder
	 * that holds a cluster is started as it is.
	 */
	static EmbeddedPostgres.Builder server(Path folder, int port, EmbeddedPostgresProperties properties) {
		return EmbeddedPostgres.builder()
			.setDataDirectory(folder)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setPGStartupWait(properties.startupTimeout())
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "off")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "256MB");
	}

	/**
	 * The JVM's template: a cluster initialised and migrated once, then stopped cleanly.
	 */
	static synchronized Path template(String[] locations) throws IOException {
		if (template == null) {
			var folder = Files.createTempDirectory("trellis-pg-template-");
			log.info("Migrating the embedded PostgreSQL template in {}", folder);
			var properties = new EmbeddedPostgresProperties(folder, 0, true, null);
			try (var server = server(folder, 0, properties).start()) {
				var result = Flyway.configure()
					.dataSource(server.getJdbcUrl("postgres", "postgres"), "postgres", null)
					.locations(locations)
					.load()
					.migrate();
				log.info("Template migrated to version {}", result.targetSchemaVersion);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
			template = folder;
		}
		return template;
	}

	private static void delete(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", folder, ex.getMessage());
		}
	}

	/** A copy of the template for one context, deleted when the context closes. */
	public static final class CopiedFolder implements DisposableBean {

		final Path path;

		public CopiedFolder(String[] locations) throws IOException {
			this.path = copy(template(locations));
		}

		static Path copy(Path template) throws IOException {
			var target = Files.createTempDirectory("trellis-pg-");
			try (var files = Files.walk(template)) {
				files.forEach(source -> {
					if (source.equals(template)) {
						return;
					}
					try {
						Files.copy(source, target.resolve(template.relativize(source).toString()),
								StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			return target;
		}

		/** The copy's folder. */
		public Path path() {
			return this.path;
		}

		@Override
		public void destroy() {
			delete(this.path);
		}

	}

}
