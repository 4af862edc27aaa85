package com.trellis.instances;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.trellis.TrellisApplication;
import com.trellis.adoption.Adoption;
import com.trellis.adoption.RepAdoption;
import com.trellis.forecast.Forecasts;
import com.trellis.forecast.Scope;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpi;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trellis on a primary PostgreSQL with {@code trellis.reporting.datasource.url} pointing
 * at a streaming replica of it: reporting queries (KPIs, the adoption page's per-rep
 * figures, the forecast roll-up) read from the replica, everything else from the primary.
 */
class ReportingReplicaTests {

	private static final Viewer ADMIN = new Viewer(1, "Ada Admin", Role.ADMIN, null);

	@TempDir
	Path folder;

	@Test
	void reportingIsReadFromTheReplicaWhenOneIsConfigured() throws Exception {
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
			var adoption = app.getBean(Adoption.class);
			var forecasts = app.getBean(Forecasts.class);
			var quarter = app.getBean(BusinessCalendar.class).currentQuarter();

			// replay held on the replica: a change on the primary is not in the KPI, the
			// adoption page's per-rep figures or the forecast roll-up yet. The figures
			// before are read once replay has stopped: the application's own start-up
			// writes (the forecast model learning) may still be on their way until then.
			replay(servers, "pg_wal_replay_pause");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						reporting.sql("SELECT pg_get_wal_replay_pause_state()").query(String.class).single())
					.isEqualTo("paused"));
			var before = revenue(kpis, year);
			var dealsBefore = repDeals(adoption, year);
			var weightedBefore = weighted(forecasts, quarter.start());
			assertThat(primary.sql("""
					UPDATE opportunity SET amount = amount + 1000 WHERE id = (SELECT min(id) FROM opportunity
					WHERE stage = 'CLOSED_WON' AND credit_type = 'SOURCED' AND closed_at >= now() - interval '300 days')
					""").update()).isOne();
			assertThat(primary
				.sql("""
						UPDATE rep_day_fact SET created_count = created_count + 7 WHERE ctid = (SELECT f.ctid FROM rep_day_fact f
						JOIN app_user u ON u.id = f.owner_id WHERE u.role = 'AE' AND f.day >= CURRENT_DATE - 300 LIMIT 1)
						""")
				.update()).isOne();
			// every open deal's amount doubled: the quarter's weighted pipeline grows
			assertThat(primary
				.sql("UPDATE opportunity SET amount = amount * 2 WHERE stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')")
				.update()).isPositive();
			assertThat(revenue(kpis, year)).as("the KPI still shows the replica's figure").isEqualTo(before);
			assertThat(repDeals(adoption, year)).as("the adoption figures are still the replica's")
				.isEqualTo(dealsBefore);
			assertThat(weighted(forecasts, quarter.start())).as("the roll-up is still the replica's")
				.isEqualTo(weightedBefore);

			replay(servers, "pg_wal_replay_resume");
			// the three changes replayed in turn (the last, every open deal, is the
			// largest)
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(revenue(kpis, year)).as("replicated, the KPI shows the change").isGreaterThan(before);
				assertThat(repDeals(adoption, year)).as("replicated, the adoption figures show it")
					.isEqualTo(dealsBefore + 7);
				assertThat(weighted(forecasts, quarter.start())).as("replicated, the roll-up shows it")
					.isGreaterThan(weightedBefore);
			});

			// the replica stops: the primary answers the reporting queries in its place
			// (they failed after the pool's 30 s wait, every one)
			var primaryRevenue = revenue(kpis, year);
			servers.stopReplica();
			// the pool checks a connection used in the last half second only when it is
			// used (HikariCP): a query on one of those still fails, as the class says
			Thread.sleep(1000);
			assertThat(primary
				.sql("UPDATE opportunity SET amount = amount + 500 WHERE id = (SELECT min(id) FROM opportunity"
						+ " WHERE stage = 'CLOSED_WON' AND credit_type = 'SOURCED' AND closed_at >= now() - interval '300 days')")
				.update()).isOne();
			assertThat(revenue(kpis, year)).as("read from the primary")
				.isEqualTo(primaryRevenue.add(new BigDecimal(500)));
			assertThat(repDeals(adoption, year)).isEqualTo(dealsBefore + 7);
		}
	}

	private static void replay(StreamingReplica servers, String function) throws java.sql.SQLException {
		try (var connection = servers.replica.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("SELECT " + function + "()");
		}
	}

	private static long repDeals(Adoption adoption, Period period) {
		return adoption.reps(ADMIN, period).stream().mapToLong(RepAdoption::deals).sum();
	}

	/** The program's weighted pipeline of the quarter of {@code day}. */
	private static BigDecimal weighted(Forecasts forecasts, LocalDate day) {
		return forecasts.rollUps(ADMIN, Scope.PROGRAM, java.util.List.of(day)).get(0).get("weighted");
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
