package com.trellis.shared.database;

import java.util.Optional;

import com.trellis.shared.Reporting;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two {@link JdbcClient}s: the primary's, for everything, and the {@link Reporting}
 * one, on the read replica when {@code trellis.reporting.datasource.url} is set (its own
 * read-only pool, the same query timeout) and the primary's own client otherwise, so that
 * without a replica reporting reads take part in the caller's transaction as before. The
 * replica's pool is no {@code DataSource} bean: Flyway, the transaction manager and the
 * event publication registry only ever see the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReportingDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ReportingDatabaseConfiguration.class);

	@Bean
	@Primary
	JdbcClient jdbcClient(NamedParameterJdbcTemplate template) {
		return JdbcClient.create(template);
	}

	@Bean(destroyMethod = "close")
	ReplicaPool replicaPool(ReportingDataSourceProperties properties) {
		if (!properties.configured()) {
			return new ReplicaPool(Optional.empty());
		}
		var pool = new HikariDataSource();
		pool.setJdbcUrl(properties.url());
		pool.setUsername(properties.username());
		pool.setPassword(properties.password());
		pool.setReadOnly(true);
		pool.setMaximumPoolSize(properties.maximumPoolSize());
		pool.setPoolName("trellis-reporting");
		log.info("Reporting queries read from the replica at {}", properties.url());
		return new ReplicaPool(Optional.of(pool));
	}

	@Bean
	@Reporting
	JdbcClient reportingJdbcClient(ReplicaPool replica, JdbcClient primary, JdbcTemplate primaryTemplate) {
		return replica.pool().map(pool -> {
			var template = new JdbcTemplate(pool);
			template.setQueryTimeout(primaryTemplate.getQueryTimeout());
			return JdbcClient.create(template);
		}).orElse(primary);
	}

	record ReplicaPool(Optional<HikariDataSource> pool) implements AutoCloseable {

		@Override
		public void close() {
			this.pool.ifPresent(HikariDataSource::close);
		}

	}

}
