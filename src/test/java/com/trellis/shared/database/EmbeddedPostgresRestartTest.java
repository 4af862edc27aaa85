package com.trellis.shared.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trellis killed with SIGKILL leaves its PostgreSQL running on the data folder; the next
 * start on that folder must stop the orphan and come up with the data written before.
 */
class EmbeddedPostgresRestartTest {

	@TempDir
	Path folder;

	private Process child;

	@AfterEach
	void leaveNoServerBehind() throws Exception {
		if (this.child != null) {
			this.child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		var pidFile = this.folder.resolve("pg").resolve("postmaster.pid");
		if (Files.exists(pidFile)) {
			long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
		}
	}

	@Test
	void trellisStartsAgainOnTheSameFolderAfterItsProcessWasKilledAndKeepsTheDataWrittenBefore() throws Exception {
		var dataDir = this.folder.resolve("pg");
		this.child = startChild(dataDir, "written before the kill");
		this.child.destroyForcibly();
		assertThat(this.child.waitFor(10, TimeUnit.SECONDS)).isTrue();
		this.child = null;
		assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).as("the orphaned server still holds the folder")
			.isTrue();

		// what the recovery logs: no pg_ctl that refuses to run as root, no warning about
		// it
		var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(StaleServerRecovery.class);
		var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
		logged.start();
		logger.addAppender(logged);
		var configuration = new EmbeddedPostgresConfiguration();
		long started = System.nanoTime();
		try (var postgres = configuration.embeddedPostgres(new EmbeddedPostgresProperties(dataDir, 0, false, null))) {
			var dataSource = (HikariDataSource) configuration.dataSource(postgres);
			try {
				assertThat(JdbcClient.create(dataSource)
					.sql("SELECT note FROM written_before_kill")
					.query(String.class)
					.list()).containsExactly("written before the kill");
			}
			finally {
				dataSource.close();
			}
		}
		finally {
			logger.detachAppender(logged);
		}
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
		assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
			.noneMatch(message -> message.contains("pg_ctl stop answered"))
			.noneMatch(message -> message.contains("as root") && !message.startsWith("Stopping PostgreSQL process"));
		if ("root".equals(System.getProperty("user.name"))) {
			assertThat(logged.list)
				.filteredOn(event -> event.getFormattedMessage().contains("pg_ctl does not run as root"))
				.singleElement()
				.satisfies(event -> assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO));
		}
	}

	private static Process startChild(Path dataDir, String note) throws Exception {
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
				KilledServerMain.class.getName(), dataDir.toString(), note))
			.redirectErrorStream(true)
			.start();
		var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		var lines = new StringBuilder();
		String line;
		while ((line = output.readLine()) != null) {
			lines.append(line).append('\n');
			if (line.startsWith("READY")) {
				drain(output);
				return process;
			}
		}
		throw new IllegalStateException("the child server did not start:\n" + lines);
	}

	private static void drain(BufferedReader output) {
		var drainer = new Thread(() -> {
			try {
				while (output.readLine() != null) {
					// keep the child's pipe from filling up
				}
			}
			catch (java.io.IOException ex) {
				// the child is gone
			}
		});
		drainer.setDaemon(true);
		drainer.start();
	}

}
