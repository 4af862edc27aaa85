package com.trellis.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The random program the kept-KPI property tests share (fixed seed, rolled back): a PAM,
 * an AE, one customer account, a few partners, and the random changes several of them
 * make to partners, won deals and activity events. Each test draws its own mix of changes
 * ({@link #run}); the draws of a change are made in the order given here, so a test's
 * sequence is fixed by its seed.
 */
final class RandomProgram {

	static final List<String> STATUSES = List.of("PROSPECT", "ONBOARDING", "ACTIVE", "DORMANT", "SUNSET");

	final Random random;

	final JdbcClient jdbc;

	final Fixtures fixtures;

	final Clock clock;

	final long pam;

	final long ae;

	final long account;

	/** The program's partners, in the order made; tests may add and remove. */
	final List<Long> partners = new ArrayList<>();

	/** Every moment drawn by {@link #moment}, to draw equal moments again. */
	final List<Instant> moments = new ArrayList<>();

	private RandomProgram(long seed, String name, int partners, JdbcClient jdbc, Fixtures fixtures, Clock clock) {
		this.random = new Random(seed);
		this.jdbc = jdbc;
		this.fixtures = fixtures;
		this.clock = clock;
		this.pam = fixtures.user(Role.PAM).userId();
		this.ae = fixtures.user(Role.AE).userId();
		this.account = fixtures.account(name + " Customer", null, this.ae);
		for (int i = 0; i < partners; i++) {
			this.partners.add(fixtures.partner(name + " Partner " + i, this.pam));
		}
	}

	/** One random change: what it did, in words. */
	interface Change {

		String make(RandomProgram program);

	}

	/**
	 * In one transaction, rolled back: {@code before} on the demo's data, then the
	 * program ({@code partners} partners named after {@code name}) changed {@code steps}
	 * times by {@code change}, {@code after} each step (given the step's words) and
	 * {@code every}-th step also {@code periodic}.
	 */
	static void run(PlatformTransactionManager transactions, JdbcClient jdbc, Fixtures fixtures, Clock clock, long seed,
			String name, int partners, int steps, Change change, Consumer<String> after, int every,
			java.util.function.BiConsumer<RandomProgram, String> periodic) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			after.accept("demo");
			var program = new RandomProgram(seed, name, partners, jdbc, fixtures, clock);
			for (int step = 0; step < steps; step++) {
				var what = change.make(program);
				after.accept("step " + step + " (" + what + ")");
				if (step % every == every - 1) {
					periodic.accept(program, "step " + step);
				}
			}
			status.setRollbackOnly();
		});
	}

	/** One of the partners, drawn. */
	long partner() {
		return this.partners.get(this.random.nextInt(this.partners.size()));
	}

	/** A salt for an {@code md5} order: which rows a change picks. */
	String salt() {
		return String.valueOf(this.random.nextInt());
	}

	/**
	 * A moment over 540 days back, one in ten up to 40 days later (some after now); every
	 * fourth a moment drawn before (equal moments). Kept in {@link #moments}.
	 */
	Instant moment() {
		var at = !this.moments.isEmpty() && this.random.nextInt(4) == 0
				? this.moments.get(this.random.nextInt(this.moments.size()))
				: this.clock.instant()
					.minus(Duration.ofMinutes(this.random.nextInt(60 * 24 * 540)))
					.plus(Duration.ofMinutes(this.random.nextInt(10) == 0 ? this.random.nextInt(60 * 24 * 40) : 0));
		this.moments.add(at);
		return at;
	}

	/** One to three won deals of {@code partner} at {@link #moment}s, 1,000 USD each. */
	String insertWon(long partner, String name) {
		int n = 1 + this.random.nextInt(3);
		var at = new ArrayList<Instant>();
		for (int i = 0; i < n; i++) {
			at.add(moment());
		}
		WonDealRows.insert(this.jdbc, name, this.account, this.ae, partner, LocalDate.now(this.clock), at,
				java.util.Collections.nCopies(n, 1000));
		return n + " inserted won";
	}

	/**
	 * A new open deal of {@code partner}, then up to two of its deals not won won at
	 * {@code at}.
	 */
	String winOpen(long partner, Instant at, String salt) {
		this.fixtures.partnerDeal(this.account, this.ae, partner, "5000.00");
		int won = this.jdbc.sql("""
				UPDATE opportunity SET stage = 'CLOSED_WON', closed_at = :at
				WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p AND stage <> 'CLOSED_WON'
				             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
			.param("p", partner)
			.param("at", Timestamp.from(at))
			.param("salt", salt)
			.update();
		return won + " won";
	}

	/**
	 * Up to two deals of {@code partner} moved to {@code other} (none: a direct deal
	 * without a credit).
	 */
	String moveDeals(long partner, Long other, String salt) {
		int moved = this.jdbc.sql("""
				UPDATE opportunity SET partner_id = CAST(:other AS BIGINT),
				       credit_type = CASE WHEN CAST(:other AS BIGINT) IS NULL THEN NULL ELSE credit_type END,
				       source = CASE WHEN CAST(:other AS BIGINT) IS NULL THEN 'DIRECT' ELSE source END
				WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p
				             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
			.param("p", partner)
			.param("other", other)
			.param("salt", salt)
			.update();
		return moved + " moved to partner " + other;
	}

	/** One to three deals of {@code partner} deleted in one statement. */
	String deleteDeals(long partner, String salt) {
		int removed = this.jdbc.sql("""
				DELETE FROM opportunity WHERE id IN (SELECT id FROM opportunity WHERE partner_id = :p
				ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT :n)""")
			.param("p", partner)
			.param("salt", salt)
			.param("n", 1 + this.random.nextInt(3))
			.update();
		return removed + " deleted";
	}

	/** The partner's lifecycle status, drawn (some not counted: prospect, sunset). */
	String status(long partner) {
		this.jdbc.sql("UPDATE partner SET lifecycle_status = :s WHERE id = :p")
			.param("s", STATUSES.get(this.random.nextInt(STATUSES.size())))
			.param("p", partner)
			.update();
		return "status changed";
	}

	/** The partner's onboarding day, drawn over 480 days back to 20 days ahead. */
	String onboarding(long partner) {
		this.jdbc.sql("UPDATE partner SET onboarded_on = :d WHERE id = :p")
			.param("d", LocalDate.now(this.clock).minusDays(this.random.nextInt(500) - 20))
			.param("p", partner)
			.update();
		return "onboarding moved";
	}

	/**
	 * One to three portal logins of {@code partner} at {@link #moment}s, in one
	 * statement.
	 */
	String insertEvents(long partner) {
		int n = 1 + this.random.nextInt(3);
		var values = new StringBuilder();
		var at = new ArrayList<Instant>();
		for (int i = 0; i < n; i++) {
			at.add(moment());
			values.append(i == 0 ? "" : ", ").append("(:p, 'PORTAL_LOGIN', :at").append(i).append(")");
		}
		var insert = this.jdbc.sql("INSERT INTO activity_event (partner_id, type, occurred_at) VALUES " + values)
			.param("p", partner);
		for (int i = 0; i < n; i++) {
			insert = insert.param("at" + i, Timestamp.from(at.get(i)));
		}
		insert.update();
		return n + " inserted";
	}

	/** One to three events of {@code partner} deleted in one statement. */
	String deleteEvents(long partner) {
		int removed = this.jdbc.sql("""
				DELETE FROM activity_event WHERE id IN (SELECT id FROM activity_event WHERE partner_id = :p
				ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT :n)""")
			.param("p", partner)
			.param("salt", salt())
			.param("n", 1 + this.random.nextInt(3))
			.update();
		return removed + " deleted";
	}

	/** Up to two events of {@code partner} moved up to 60 days either way. */
	String moveEventsInTime(long partner) {
		int moved = this.jdbc.sql("""
				UPDATE activity_event SET occurred_at = occurred_at + make_interval(days => :days)
				WHERE id IN (SELECT id FROM activity_event WHERE partner_id = :p
				             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
			.param("p", partner)
			.param("salt", salt())
			.param("days", this.random.nextInt(120) - 60)
			.update();
		return moved + " moved in time";
	}

	/** Up to two events of {@code partner} moved to another partner, drawn. */
	String moveEventsToPartner(long partner) {
		long other = partner();
		int moved = this.jdbc.sql("""
				UPDATE activity_event SET partner_id = :other
				WHERE id IN (SELECT id FROM activity_event WHERE partner_id = :p
				             ORDER BY md5(CAST(id AS TEXT) || :salt) LIMIT 2)""")
			.param("p", partner)
			.param("other", other)
			.param("salt", salt())
			.update();
		return moved + " moved to partner " + other;
	}

}
