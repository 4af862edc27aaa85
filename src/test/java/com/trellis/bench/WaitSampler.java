package com.trellis.bench;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What the application's database sessions are doing during a benchmark phase, sampled
 * every {@code periodMillis} from {@code pg_stat_activity}: for each wait (an advisory
 * lock, a row lock, the client, I/O) or "on CPU", how many sessions were in it on
 * average; and how many were idle inside a transaction, waiting for the application's
 * next statement (its Java work between statements and the round trips). Its own
 * statements go to the pool behind the benchmark's statement counter, so they are not
 * counted as the application's.
 */
final class WaitSampler implements AutoCloseable {

	private final DataSource dataSource;

	private final Map<String, LongAdder> seen = new ConcurrentHashMap<>();

	private final AtomicLong samples = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	WaitSampler(DataSource dataSource, long periodMillis) {
		this.dataSource = dataSource instanceof DelegatingDataSource delegating
				&& delegating.getTargetDataSource() != null ? delegating.getTargetDataSource() : dataSource;
		this.thread = new Thread(() -> {
			while (this.running) {
				sample();
				try {
					Thread.sleep(periodMillis);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "wait-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void sample() {
		try (var connection = this.dataSource.getConnection();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("""
						SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'on CPU')
						            ELSE 'idle in transaction (the application works)' END AS state, count(*)
						FROM pg_stat_activity
						WHERE backend_type = 'client backend' AND state IN ('active', 'idle in transaction')
						  AND pid <> pg_backend_pid() AND datname = current_database()
						GROUP BY 1
						""")) {
			while (rows.next()) {
				this.seen.computeIfAbsent(rows.getString(1), k -> new LongAdder()).add(rows.getLong(2));
			}
			this.samples.incrementAndGet();
		}
		catch (SQLException ex) {
			// a missed sample
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.interrupt();
		this.thread.join(5_000);
	}

	/** Sessions per state, averaged over the samples, busiest first. */
	String report() {
		long n = Math.max(1, this.samples.get());
		var out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Active database sessions by wait (pg_stat_activity, %d samples; average sessions in each)%n", n));
		var sorted = new TreeMap<Long, String>((a, b) -> Long.compare(b, a));
		this.seen.forEach((state, count) -> sorted.merge(count.sum(), state, (x, y) -> x + ", " + y));
		sorted.forEach(
				(count, state) -> out.append(String.format(Locale.ROOT, "  %-40s %6.2f%n", state, count / (double) n)));
		return out.toString();
	}

}
