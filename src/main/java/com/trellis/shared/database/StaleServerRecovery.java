package com.trellis.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded PostgreSQL after a crash: an orphaned server of our
 * data folder is stopped cleanly ({@code pg_ctl stop -m fast} with the binaries it runs
 * from, or SIGTERM when those are gone or this process runs as root, which pg_ctl
 * refuses: {@link StopWay}), a {@code postmaster.pid} whose process id now belongs to
 * another process is removed, and anything it cannot judge stops the start with the
 * reason.
 */
final class StaleServerRecovery {

	private static final Logger log = LoggerFactory.getLogger(StaleServerRecovery.class);

	private StaleServerRecovery() {
	}

	static void recover(Path dataDir, Duration timeout) throws IOException {
		var pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		var folder = dataDir.toRealPath();
		var decision = StalePostmaster.decide(folder, Files.readAllLines(pidFile, StandardCharsets.UTF_8),
				StaleServerRecovery::facts);
		switch (decision.verdict()) {
			case NO_SERVER -> log.info("Found postmaster.pid in {}: {}", folder, decision.reason());
			case PID_REUSED -> {
				log.warn("Removing stale postmaster.pid in {}: {}", folder, decision.reason());
				Files.deleteIfExists(pidFile);
			}
			case ORPHAN -> {
				log.warn("Stopping an orphaned PostgreSQL before starting: {}", decision.reason());
				stop(decision.pid(), folder, timeout);
			}
			case UNKNOWN -> {
				var message = "The embedded PostgreSQL cannot start on " + folder + ": " + decision.reason()
						+ ". Stop that server or remove postmaster.pid if no server uses the folder.";
				log.error(message);
				throw new IllegalStateException(message);
			}
		}
	}

	private static void stop(long pid, Path folder, Duration timeout) throws IOException {
		var process = ProcessHandle.of(pid);
		if (process.isEmpty()) {
			return;
		}
		var pgCtl = process.get()
			.info()
			.command()
			.map(command -> Path.of(command).resolveSibling("pg_ctl"))
			.filter(Files::isExecutable);
		var way = StopWay.choose(pgCtl.isPresent(), runsAsRoot());
		if (way.pgCtl()) {
			if (!stoppedByPgCtl(pgCtl.get(), folder, timeout)) {
				log.warn("Sending SIGTERM to PostgreSQL process {} (pg_ctl did not stop it)", pid);
				process.get().destroy();
			}
		}
		else {
			log.info("Stopping PostgreSQL process {} with SIGTERM: {}", pid, way.reason());
			process.get().destroy();
		}
		try {
			process.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			var message = "The orphaned PostgreSQL process " + pid + " on " + folder + " did not stop within " + timeout
					+ "; stop it by hand and start Trellis again";
			log.error(message);
			throw new IllegalStateException(message, ex);
		}
		log.warn("Stopped the orphaned PostgreSQL process {}; starting afresh on {}", pid, folder);
	}

	private static boolean stoppedByPgCtl(Path pgCtl, Path folder, Duration timeout) throws IOException {
		var command = List.of(pgCtl.toString(), "stop", "-D", folder.toString(), "-m", "fast", "-w", "-t",
				Long.toString(Math.max(1, timeout.toSeconds())));
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		try {
			if (process.waitFor() != 0) {
				log.warn("pg_ctl stop answered {}: {}", process.exitValue(), output);
				return false;
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while stopping the orphaned PostgreSQL", ex);
		}
	}

	/**
	 * Whether this process runs as root (its {@code /proc/self} belongs to uid 0; the
	 * user name where that cannot be read): pg_ctl refuses to run as root.
	 */
	private static boolean runsAsRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	/**
	 * How an orphaned server is stopped: with {@code pg_ctl stop -m fast} when its
	 * binaries are there and this process is not root (pg_ctl refuses to run as root, it
	 * would only fail and log that), else with SIGTERM.
	 *
	 * @param pgCtl whether pg_ctl is used
	 * @param reason why not, in words (empty when it is)
	 */
	record StopWay(boolean pgCtl, String reason) {

		static StopWay choose(boolean pgCtlReachable, boolean root) {
			if (!pgCtlReachable) {
				return new StopWay(false, "pg_ctl is not next to its executable");
			}
			if (root) {
				return new StopWay(false, "pg_ctl does not run as root");
			}
			return new StopWay(true, "");
		}

	}

	private static StalePostmaster.ProcessFacts facts(long pid) {
		var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (handle.isEmpty()) {
			return StalePostmaster.ProcessFacts.gone();
		}
		var info = handle.get().info();
		Optional<Path> workingDir;
		try {
			workingDir = Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			workingDir = Optional.empty();
		}
		return new StalePostmaster.ProcessFacts(true, info.command().map(Path::of), workingDir,
				info.arguments().map(List::of).orElse(List.of()));
	}

}
