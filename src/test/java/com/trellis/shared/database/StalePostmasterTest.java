package com.trellis.shared.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.database.StalePostmaster.ProcessFacts;
import com.trellis.shared.database.StalePostmaster.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StalePostmasterTest {

	private static final Path FOLDER = Path.of("/srv/trellis/data/postgres");

	private static final List<String> PID_FILE = List.of("4242", FOLDER.toString(), "1764480000", "35951");

	private static final Optional<Path> POSTGRES = Optional.of(Path.of("/tmp/embedded-pg/PG-1/bin/postgres"));

	@Test
	void aFolderWithoutPidFileHasNoServer() {
		assertThat(StalePostmaster.decide(FOLDER, List.of(), pid -> ProcessFacts.gone()).verdict())
			.isEqualTo(Verdict.NO_SERVER);
	}

	@Test
	void aPidFileOfAProcessThatIsGoneIsLeftToPostgresql() {
		var decision = StalePostmaster.decide(FOLDER, PID_FILE, pid -> ProcessFacts.gone());
		assertThat(decision.verdict()).isEqualTo(Verdict.NO_SERVER);
		assertThat(decision.reason()).contains("4242", "no longer running");
	}

	@Test
	void aPostgresWorkingInOurFolderIsAnOrphanToStop() {
		var decision = StalePostmaster.decide(FOLDER, PID_FILE,
				pid -> new ProcessFacts(true, POSTGRES, Optional.of(FOLDER), List.of()));
		assertThat(decision.verdict()).isEqualTo(Verdict.ORPHAN);
		assertThat(decision.pid()).isEqualTo(4242);
	}

	@Test
	void aPostgresStartedWithOurFolderOnItsCommandLineIsAnOrphanToStop() {
		var decision = StalePostmaster.decide(FOLDER, PID_FILE, pid -> new ProcessFacts(true, POSTGRES,
				Optional.empty(), List.of("-D", FOLDER.toString(), "-p", "35951")));
		assertThat(decision.verdict()).isEqualTo(Verdict.ORPHAN);
	}

	@Test
	void aPostgresOfAnotherFolderIsNeverStopped() {
		var decision = StalePostmaster.decide(FOLDER, PID_FILE, pid -> new ProcessFacts(true, POSTGRES,
				Optional.of(Path.of("/var/lib/postgresql/17/main")), List.of()));
		assertThat(decision.verdict()).isEqualTo(Verdict.PID_REUSED);
		assertThat(decision.reason()).contains("another data folder");
	}

	@Test
	void anUnrelatedProcessThatGotTheSamePidIsNotStoppedAndTheFileIsStale() {
		var decision = StalePostmaster.decide(FOLDER, PID_FILE,
				pid -> new ProcessFacts(true, Optional.of(Path.of("/usr/bin/java")), Optional.of(FOLDER), List.of()));
		assertThat(decision.verdict()).isEqualTo(Verdict.PID_REUSED);
		assertThat(decision.reason()).contains("/usr/bin/java", "not PostgreSQL");
	}

	@Test
	void aRunningProcessThatCannotBeInspectedStopsTheStartWithTheReason() {
		var decision = StalePostmaster.decide(FOLDER, PID_FILE,
				pid -> new ProcessFacts(true, Optional.empty(), Optional.empty(), List.of()));
		assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(decision.reason()).contains("4242", "cannot be read");
	}

	@Test
	void aPidFileWithGarbageStopsTheStartWithTheReason() {
		var decision = StalePostmaster.decide(FOLDER, List.of("not a pid"), pid -> ProcessFacts.gone());
		assertThat(decision.verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(decision.reason()).contains("not a pid");
	}

	@Test
	void anOrphanIsStoppedWithPgCtlOnlyWhenItIsThereAndThisProcessIsNotRoot() {
		assertThat(StaleServerRecovery.StopWay.choose(true, false).pgCtl()).isTrue();
		assertThat(StaleServerRecovery.StopWay.choose(true, true))
			.isEqualTo(new StaleServerRecovery.StopWay(false, "pg_ctl does not run as root"));
		assertThat(StaleServerRecovery.StopWay.choose(false, false))
			.isEqualTo(new StaleServerRecovery.StopWay(false, "pg_ctl is not next to its executable"));
	}

}
