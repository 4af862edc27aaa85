package com.trellis.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Figures a page shows that are program-wide aggregates over history, computed by a daily
 * job and stored with their time (table {@code stored_page_figures}), so the page reads
 * them instead of computing them per request and says "as of" when. A set is named by its
 * module ({@code cohorts.metrics}) and stored per scope: {@link #PROGRAM} for the whole
 * program, else the id of the PAM whose book it covers. The body is JSON, written and
 * read with the application's mapper.
 */
@Repository
public class PageFigureStore {

	/** The scope of figures over the whole program. */
	public static final long PROGRAM = 0;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final BusinessCalendar calendar;

	private final java.time.Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

	PageFigureStore(JdbcClient jdbc, ObjectMapper json, BusinessCalendar calendar, java.time.Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.calendar = calendar;
		this.clock = clock;
		this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
	}

	/**
	 * A daily job's run, in a transaction of its own: computes a figure set per scope and
	 * stores it ({@link #replace}) with the time the run started, unless another instance
	 * holds the run ({@link #claim}) or the set was already stored this business day.
	 * True when this call stored it.
	 */
	public boolean storeDaily(String name, java.util.function.Supplier<Map<Long, ?>> compute) {
		return store(name, compute, true);
	}

	/**
	 * {@link #storeDaily} even when the set was stored this business day: after a change
	 * the stored set does not show (a program's first cohorts, made after the morning's
	 * run stored none). False only when another instance holds the run.
	 */
	public boolean storeAgain(String name, java.util.function.Supplier<Map<Long, ?>> compute) {
		return store(name, compute, false);
	}

	private boolean store(String name, java.util.function.Supplier<Map<Long, ?>> compute, boolean oncePerDay) {
		return Boolean.TRUE.equals(this.ownTransaction.execute(status -> {
			if (!claim(name) || oncePerDay && storedSince(name, this.calendar.startOf(this.calendar.today()))) {
				return false;
			}
			var at = this.clock.instant();
			replace(name, compute.get(), at);
			return true;
		}));
	}

	/**
	 * Claims a job's run in the caller's transaction (a transaction-scoped advisory lock
	 * another instance does not wait for): true for the one instance that runs it.
	 */
	public boolean claim(String job) {
		return this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(:job))")
			.param("job", "page-figures." + job)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Replaces every scope of a figure set with the given ones, all computed at
	 * {@code at}: a scope the job no longer computes (a PAM without partners) is dropped.
	 */
	public void replace(String name, Map<Long, ?> byScope, Instant at) {
		this.jdbc.sql("DELETE FROM stored_page_figures WHERE name = :name").param("name", name).update();
		byScope.forEach((scope, body) -> this.jdbc.sql(
				"INSERT INTO stored_page_figures (name, scope, computed_at, body) VALUES (:name, :scope, :at, CAST(:body AS JSONB))")
			.param("name", name)
			.param("scope", scope)
			.param("at", Timestamp.from(at))
			.param("body", this.json.writeValueAsString(body))
			.update());
	}

	/** A figure set's stored value for a scope; empty when the job has not stored one. */
	public <T> Optional<Stored<T>> read(String name, long scope, JavaType type) {
		return this.jdbc.sql("SELECT computed_at, body FROM stored_page_figures WHERE name = :name AND scope = :scope")
			.param("name", name)
			.param("scope", scope)
			.query((rs, n) -> new Stored<T>(this.json.readValue(rs.getString(2), type), rs.getTimestamp(1).toInstant()))
			.optional();
	}

	/** Whether a figure set was stored at or after {@code since}. */
	public boolean storedSince(String name, Instant since) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM stored_page_figures WHERE name = :name AND computed_at >= :since)")
			.param("name", name)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Drops a figure set (pages compute it per request again until the job stores it).
	 */
	public void clear(String name) {
		this.jdbc.sql("DELETE FROM stored_page_figures WHERE name = :name").param("name", name).update();
	}

	/** The type factory for a set's body ({@code List<CohortMetricWeek>}). */
	public tools.jackson.databind.type.TypeFactory types() {
		return this.json.getTypeFactory();
	}

	/**
	 * A stored figure set and when the job computed it.
	 */
	public record Stored<T>(T value, Instant asOf) {
	}

}
