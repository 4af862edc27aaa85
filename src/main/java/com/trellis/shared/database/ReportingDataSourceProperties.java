package com.trellis.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional read replica for reporting queries; unset, they run on the primary.
 *
 * @param url the replica's JDBC URL
 * @param username who to connect as
 * @param password their password
 * @param maximumPoolSize the most connections held to the replica
 */
@ConfigurationProperties("trellis.reporting.datasource")
public record ReportingDataSourceProperties(String url, String username, String password, Integer maximumPoolSize) {

	public ReportingDataSourceProperties {
		if (maximumPoolSize == null) {
			maximumPoolSize = 8;
		}
	}

	boolean configured() {
		return this.url != null && !this.url.isBlank();
	}

}
