package com.trellis.instances;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.trellis.TrellisApplication;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpi;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trellis on a primary PostgreSQL with {@code trellis.reporting.datasource.url} pointing
 * at a streaming replica of it: reporting queries read from the replica, everything else
 * from the primary.
 */
class ReportingReplicaTests {

	private static final Viewer ADMIN = new Viewer(1, "Ada Admin", Role.ADMIN, null);

	@TempDir
	Path folder;

	@Test
	void kpisAreReadFromTheReplicaWhenOneIsConfigured() throws Exception {
		try (var servers = new StreamingReplica(this.folder);
				var app = new SpringApplicationBuilder(TrellisApplication.class).profiles("test")
					.run("--server.port=0",
							"--spring.datasource.url=" + servers.primary.getJdbcUrl("postgres", "postgres"),
							"--spring.datasource.username=postgres",
							"--trellis.reporting.datasource.url=" + servers.replica.getJdbcUrl("postgres", "postgres"),
							"--trellis.reporting.datasource.username=postgres", "--trellis.forecast.snapshot-cron=-")) {
			var primary = app.getBean(JdbcClient.class);
			var reporting = BeanFactoryAnnotationUtils.qualifiedBeanOfType(app.getBeanFactory(), JdbcClient.class,
					"reportingJdbcClient");
			assertThat(primary.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()).isFalse();
			assertThat(reporting.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single())
				.as("the reporting client is connected to the standby")
				.isTrue();

			var kpis = app.getBean(Kpis.class);
			var today = LocalDate.now(ZoneOffset.UTC);
			var year = Period.of(today.minusDays(365), today);
			var deals = primary.sql("SELECT count(*) FROM opportunity").query(Long.class).single();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(reporting.sql("SELECT count(*) FROM opportunity").query(Long.class).single())
							.as("the demo data has reached the replica")
							.isEqualTo(deals));
			var before = revenue(kpis, year);

			// replay held on the replica: a change on the primary is not in the KPI yet
			replay(servers, "pg_wal_replay_pause");
			assertThat(primary.sql("""
					UPDATE opportunity SET amount = amount + 1000 WHERE id = (SELECT min(id) FROM opportunity
					WHERE stage = 'CLOSED_WON' AND credit_type = 'SOURCED' AND closed_at >= now() - interval '300 days')
					""").update()).isOne();
			assertThat(revenue(kpis, year)).as("the KPI still shows the replica's figure").isEqualTo(before);

			replay(servers, "pg_wal_replay_resume");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(revenue(kpis, year)).as("replicated, the KPI shows the change")
					.isGreaterThan(before));
		}
	}

	private static void replay(StreamingReplica servers, String function) throws java.sql.SQLException {
		try (var connection = servers.replica.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("SELECT " + function + "()");
		}
	}

	private static BigDecimal revenue(Kpis kpis, Period period) {
		return kpis.compute(ADMIN, period, Slice.PROGRAM, java.util.Set.of("PARTNER_SOURCED_REVENUE"))
			.stream()
			.filter(kpi -> kpi.code().equals("PARTNER_SOURCED_REVENUE"))
			.map(Kpi::value)
			.findFirst()
			.orElseThrow();
	}

}
