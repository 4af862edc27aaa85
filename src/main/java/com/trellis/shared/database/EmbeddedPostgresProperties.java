package com.trellis.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data and how it listens.
 *
 * @param dataDir the cluster's folder; kept across restarts
 * @param port the port to listen on, 0 for any free port
 * @param ephemeral start from an empty folder and delete it on shutdown (tests only)
 */
@ConfigurationProperties("trellis.embedded-db")
public record EmbeddedPostgresProperties(Path dataDir, int port, boolean ephemeral) {

	public EmbeddedPostgresProperties {
		if (dataDir == null) {
			dataDir = Path.of("data", "postgres");
		}
	}

}
