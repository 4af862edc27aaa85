package com.trellis.shared.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Decides what to do with a {@code postmaster.pid} found in the data folder before the
 * embedded PostgreSQL starts. A Trellis killed with SIGKILL leaves its server running as
 * an orphan that still holds the folder; that server is recognised by its process (a
 * {@code postgres} executable working in our folder), never by the file alone, so a
 * server of another folder or an unrelated process that got the same pid is never
 * touched.
 */
final class StalePostmaster {

	private StalePostmaster() {
	}

	static Decision decide(Path dataDir, List<String> pidFile, LongFunction<ProcessFacts> processes) {
		if (pidFile.isEmpty()) {
			return new Decision(Verdict.NO_SERVER, 0, "no postmaster.pid in the folder");
		}
		long pid;
		try {
			pid = Long.parseLong(pidFile.get(0).strip());
		}
		catch (NumberFormatException ex) {
			return new Decision(Verdict.UNKNOWN, 0,
					"postmaster.pid does not start with a process id: '" + pidFile.get(0) + "'");
		}
		var facts = processes.apply(pid);
		if (!facts.alive()) {
			return new Decision(Verdict.NO_SERVER, pid, "postmaster.pid names process " + pid
					+ ", which is no longer running (PostgreSQL removes the file)");
		}
		if (facts.executable().isEmpty()) {
			return new Decision(Verdict.UNKNOWN, pid, "process " + pid
					+ " named in postmaster.pid is running, but its executable cannot be read to tell whether it is our server");
		}
		var name = facts.executable().get().getFileName().toString();
		if (!name.equals("postgres") && !name.equals("postmaster")) {
			return new Decision(Verdict.PID_REUSED, pid,
					"process " + pid + " named in postmaster.pid is " + facts.executable().get() + ", not PostgreSQL");
		}
		if (facts.servesFolder(dataDir)) {
			return new Decision(Verdict.ORPHAN, pid, "PostgreSQL process " + pid + " (" + facts.executable().get()
					+ ") still serves " + dataDir + ", left behind by a Trellis that did not shut down");
		}
		if (facts.workingDir().isEmpty() && facts.arguments().isEmpty()) {
			return new Decision(Verdict.UNKNOWN, pid,
					"PostgreSQL process " + pid + " is running, but its data folder cannot be read");
		}
		return new Decision(Verdict.PID_REUSED, pid,
				"PostgreSQL process " + pid + " named in postmaster.pid serves another data folder");
	}

	enum Verdict {

		/** Nothing holds the folder (or only a file PostgreSQL clears itself). */
		NO_SERVER,
		/** Our own server left running: stop it, then start. */
		ORPHAN,
		/**
		 * The pid now belongs to another process: the file is stale and may be removed.
		 */
		PID_REUSED,
		/** Cannot tell: start nothing, say why. */
		UNKNOWN

	}

	record Decision(Verdict verdict, long pid, String reason) {
	}

	/**
	 * What the operating system says about a process.
	 *
	 * @param alive whether it runs
	 * @param executable its executable, when readable
	 * @param workingDir its working folder (a postmaster works in its data folder), when
	 * readable
	 * @param arguments its command line arguments, when readable
	 */
	record ProcessFacts(boolean alive, Optional<Path> executable, Optional<Path> workingDir, List<String> arguments) {

		static ProcessFacts gone() {
			return new ProcessFacts(false, Optional.empty(), Optional.empty(), List.of());
		}

		boolean servesFolder(Path dataDir) {
			var folder = dataDir.toAbsolutePath().normalize();
			if (this.workingDir.map(dir -> dir.toAbsolutePath().normalize().equals(folder)).orElse(false)) {
				return true;
			}
			for (int i = 0; i < this.arguments.size() - 1; i++) {
				if (this.arguments.get(i).equals("-D")
						&& Path.of(this.arguments.get(i + 1)).toAbsolutePath().normalize().equals(folder)) {
					return true;
				}
			}
			return false;
		}

	}

}
