package com.trellis.shared.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data and how it listens.
 *
 * @param dataDir the cluster's folder; kept across restarts
 * @param port the port to listen on, 0 for any free port
 * @param ephemeral start from an empty folder and delete it on shutdown (tests only)
 * @param startupTimeout how long to wait for the server (and for an orphaned one to stop)
 */
@ConfigurationProperties("trellis.embedded-db")
public record EmbeddedPostgresProperties(Path dataDir, int port, boolean ephemeral, Duration startupTimeout) {

	public EmbeddedPostgresProperties {
		if (dataDir == null) {
			dataDir = Path.of("data", "postgres");
		}
		if (startupTimeout == null) {
			startupTimeout = Duration.ofSeconds(60);
		}
	}

}
