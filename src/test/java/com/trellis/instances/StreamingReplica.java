package com.trellis.instances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A primary PostgreSQL and a hot standby streaming from it, both from the embedded bundle
 * (which has no pg_basebackup): the primary is created with {@code wal_level=replica} and
 * stopped cleanly, its data folder copied, the copy given {@code standby.signal} and the
 * primary's address, and both started. initdb's own pg_hba lets the local superuser
 * replicate.
 */
final class StreamingReplica implements AutoCloseable {

	final EmbeddedPostgres primary;

	final EmbeddedPostgres replica;

	StreamingReplica(Path folder) throws IOException {
		var primaryData = folder.resolve("primary");
		var replicaData = folder.resolve("replica");
		int port;
		try (var first = server(primaryData, 0)) {
			port = first.getPort();
		}
		copy(primaryData, replicaData);
		Files.deleteIfExists(replicaData.resolve("postmaster.pid"));
		Files.setPosixFilePermissions(replicaData,
				java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
		Files.writeString(replicaData.resolve("standby.signal"), "");
		Files.writeString(replicaData.resolve("postgresql.auto.conf"),
				"\nprimary_conninfo = 'host=127.0.0.1 port=" + port + " user=postgres'\n", StandardOpenOption.APPEND,
				StandardOpenOption.CREATE);
		this.primary = server(primaryData, port);
		this.replica = server(replicaData, 0);
	}

	private static EmbeddedPostgres server(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("wal_level", "replica")
			.setServerConfig("max_wal_senders", "4")
			.setServerConfig("hot_standby", "on")
			.setServerConfig("fsync", "off")
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log(data)))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log(data)))
			.start();
	}

	private static java.io.File log(Path data) {
		return Path.of("target", "replica-test-" + data.getFileName() + ".log").toFile();
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (var file : (Iterable<Path>) files::iterator) {
				var target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else if (!file.getFileName().toString().equals("epg-lock")) {
					Files.copy(file, target);
				}
			}
		}
	}

	private boolean replicaStopped;

	/** Stops the replica alone, as an outage of it would. */
	void stopReplica() throws IOException {
		this.replicaStopped = true;
		this.replica.close();
	}

	@Override
	public void close() throws IOException {
		if (!this.replicaStopped) {
			this.replica.close();
		}
		this.primary.close();
	}

}
