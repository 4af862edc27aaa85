package com.trellis.instances;

import java.util.ArrayList;
import java.util.List;

import com.trellis.TrellisApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.Task;

/**
 * Two Trellis instances on one PostgreSQL, as behind a load balancer: the first starts
 * the embedded database (with the small demo ecosystem), the second is pointed at it with
 * {@code spring.datasource.url}, as a second server would be. Both send mail to one SMTP
 * server. No job runs by its schedule during a test (every cron is set to New Year's
 * midnight); tests run them by hand through the scheduler's registry.
 */
final class TwoInstances implements AutoCloseable {

	private static final String NEW_YEAR = "0 0 0 1 1 *";

	final ConfigurableApplicationContext first;

	final ConfigurableApplicationContext second;

	TwoInstances(int smtpPort, String... more) {
		this.first = start(smtpPort, List.of(more));
		var url = this.first.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
		var second = new ArrayList<>(List.of(more));
		second.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--trellis.demo.enabled=false"));
		this.second = start(smtpPort, second);
	}

	private static ConfigurableApplicationContext start(int smtpPort, List<String> more) {
		// sessions in the database, as in production (the test profile keeps them in
		// memory)
		var args = new ArrayList<>(
				List.of("--server.port=0", "--spring.autoconfigure.exclude=", "--spring.mail.host=127.0.0.1",
						"--spring.mail.port=" + smtpPort, "--trellis.registration.expiry-cron=" + NEW_YEAR,
						"--trellis.forecast.snapshot-cron=" + NEW_YEAR, "--trellis.dormancy.cron=" + NEW_YEAR,
						"--trellis.activation.cron=" + NEW_YEAR, "--trellis.incentives.cron=" + NEW_YEAR,
						"--trellis.scoring.daily-cron=" + NEW_YEAR, "--trellis.guidance.digest-cron=" + NEW_YEAR,
						"--trellis.guidance.digest-batch-size=5", "--spring.session.jdbc.cleanup-cron=" + NEW_YEAR));
		args.addAll(more);
		return new SpringApplicationBuilder(TrellisApplication.class).profiles("test").run(args.toArray(String[]::new));
	}

	static String baseUrl(ConfigurableApplicationContext app) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	/**
	 * The scheduled job whose method is named {@code Class.method}, as the scheduler runs
	 * it.
	 */
	static Runnable job(ConfigurableApplicationContext app, String name) {
		return task(app, name).getRunnable();
	}

	/**
	 * The scheduled task whose method is named {@code Class.method}: its runnable, and
	 * the start and outcome of its last run ({@link Task#getLastExecutionOutcome()}).
	 */
	static Task task(ConfigurableApplicationContext app, String name) {
		return app.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter(task -> task.getRunnable().toString().endsWith("." + name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no scheduled job " + name));
	}

	/** Every scheduled job of an instance, by name. */
	static List<String> jobs(ConfigurableApplicationContext app) {
		return app.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(task -> task.getTask().getRunnable().toString())
			.map(name -> name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1))
			.sorted()
			.toList();
	}

	@Override
	public void close() {
		this.second.close();
		this.first.close();
	}

}
