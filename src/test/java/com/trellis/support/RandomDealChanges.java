package com.trellis.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import com.trellis.deals.CreditType;
import com.trellis.deals.DealCredit;
import com.trellis.deals.Deals;
import com.trellis.deals.RegisteredDeal;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.ExchangeRates;
import com.trellis.shared.ReportingCurrency;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A random but repeatable (fixed seed) sequence of changes to deals through the
 * application's own paths: registrations, stage moves, closes (won and lost), reopens,
 * credit changes, partners attached to direct deals, amount and currency corrections,
 * hand-overs of a rep's open deals and exchange-rate changes, spread over days and times
 * of day. For the property tests of the reporting facts and the forecast counts.
 */
public class RandomDealChanges {

	private static final List<Stage> OPEN = List.of(Stage.REGISTERED, Stage.QUALIFIED, Stage.JOINT_WORKING,
			Stage.COMMIT);

	private final Deals deals;

	private final DealCredit credit;

	private final ExchangeRates rates;

	private final Fixtures fixtures;

	private final TestClock clock;

	private final JdbcClient jdbc;

	private Viewer admin;

	/** What the sequence did, by kind. */
	public final java.util.Map<String, Integer> done = new java.util.TreeMap<>();

	public RandomDealChanges(Deals deals, DealCredit credit, ExchangeRates rates, Fixtures fixtures, TestClock clock,
			JdbcClient jdbc) {
		this.deals = deals;
		this.credit = credit;
		this.rates = rates;
		this.fixtures = fixtures;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * The sequences {@link #runOnce} ran, by test context (its clock), seed, steps and
	 * start.
	 */
	private static final Map<List<Object>, Ran> RAN = new ConcurrentHashMap<>();

	/** What a finished sequence left: its admin, its counts by kind, its clock's end. */
	private record Ran(Viewer admin, Map<String, Integer> done, Instant end) {
	}

	/**
	 * Like {@link #run}, for property tests that only check the database after the
	 * sequence: when an earlier test of the same context already ran the sequence of this
	 * seed and number of steps from the same moment, it is not run again. The repeat
	 * would make the same draws, so the same calls through the same application paths at
	 * the same clock times, on rows of its own (new users, partners and account), and the
	 * checks that follow compare what the database keeps with a recomputation over the
	 * whole database, which holds the first run's deals either way. Instead {@link #done}
	 * takes the first run's counts, the clock is set to where the first run left it (so
	 * what the test does next happens at the same times as after its own run) and the
	 * first run's admin is returned. A run that failed is not kept.
	 */
	public Viewer runOnce(long seed, int steps) {
		var key = List.<Object>of(this.clock, seed, steps, this.clock.instant());
		var ran = RAN.get(key);
		if (ran == null) {
			var admin = run(seed, steps);
			ran = new Ran(admin, Map.copyOf(this.done), this.clock.instant());
			RAN.put(key, ran);
			return admin;
		}
		this.done.putAll(ran.done());
		this.admin = ran.admin();
		this.clock.set(ran.end());
		return ran.admin();
	}

	/** Runs {@code steps} random changes; returns the admin who made them. */
	public Viewer run(long seed, int steps) {
		var random = new Random(seed);
		var admin = this.fixtures.user(Role.ADMIN);
		this.admin = admin;
		var reps = List.of(this.fixtures.user(Role.AE), this.fixtures.user(Role.AE), this.fixtures.user(Role.AE));
		var pam = this.fixtures.user(Role.PAM);
		var partners = List.of(this.fixtures.partner("Random Partner A " + seed, pam.userId()),
				this.fixtures.partner("Random Partner B " + seed, pam.userId()),
				this.fixtures.partner("Random Partner C " + seed, pam.userId()));
		long account = this.fixtures.account("Random Customer " + seed, null, reps.get(0).userId());
		var currencies = List.of("USD", "EUR", "GBP", "JPY");
		// other tests read the program's rates: they are put back afterwards
		var rates = this.rates.all();
		try {
			changes(random, admin, reps, partners, account, currencies, steps);
		}
		finally {
			rates.entrySet()
				.stream()
				.filter(rate -> !rate.getKey().equals(ReportingCurrency.CODE))
				.forEach(rate -> setRate(admin, rate.getKey(), rate.getValue()));
		}
		return admin;
	}

	/**
	 * Sets a currency's rate through the application when it differs from the program's
	 * rate now. Setting a rate re-converts that currency's facts from the base tables
	 * (the exchange-rate trigger): one that changes nothing would only cost that rebuild,
	 * and would repair, before a property test compares them, facts the sequence's own
	 * changes may have got wrong.
	 */
	private void setRate(Viewer admin, String currency, BigDecimal rate) {
		var now = this.rates.all().get(currency);
		if (now == null || now.compareTo(rate) != 0) {
			this.rates.set(admin, currency, rate);
		}
	}

	private void changes(Random random, Viewer admin, List<Viewer> reps, List<Long> partners, long account,
			List<String> currencies, int steps) {
		setRate(admin, "EUR", new BigDecimal("1.08"));
		setRate(admin, "GBP", new BigDecimal("1.27"));
		var ids = new ArrayList<Long>();
		for (int step = 0; step < steps; step++) {
			this.clock.advance(Duration.ofMinutes(30 + random.nextInt(60 * 20)));
			int action = ids.isEmpty() ? 0 : random.nextInt(10);
			switch (action) {
				case 0, 1 -> ids.add(register(random, account, reps, partners, currencies));
				case 2, 3, 4 -> move(random, admin, pick(random, ids));
				case 5 -> close(random, admin, pick(random, ids));
				case 6 -> reopen(admin, pick(random, ids));
				case 7 -> changeCredit(random, admin, pick(random, ids));
				case 8 -> direct(random, account, reps, partners, ids, admin);
				default -> other(random, admin, reps, ids);
			}
		}
	}

	private void count(String kind) {
		this.done.merge(kind, 1, Integer::sum);
	}

	private long register(Random random, long account, List<Viewer> reps, List<Long> partners,
			List<String> currencies) {
		var credit = CreditType.values()[random.nextInt(CreditType.values().length)];
		var deal = new RegisteredDeal(account, "Random deal", BigDecimal.valueOf(1000 + random.nextInt(900_000), 2),
				pick(random, currencies), LocalDate.now(this.clock).plusDays(60), pick(random, reps).userId(),
				pick(random, partners), credit, new BigDecimal("20"));
		count("registration");
		return this.credit.openForRegistration(this.admin.actor(), deal);
	}

	private void direct(Random random, long account, List<Viewer> reps, List<Long> partners, List<Long> ids,
			Viewer admin) {
		// a direct deal, later perhaps with a partner attached (influence or co-sell)
		long id = this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, stage_entered_at,
					                         created_at, updated_at)
					VALUES (:account, 'Random direct', :amount, 'USD', 'QUALIFIED', :owner, 'DIRECT', :now, :now, :now) RETURNING id
					""")
			.param("account", account)
			.param("amount", BigDecimal.valueOf(500 + random.nextInt(100_000)))
			.param("owner", pick(random, reps).userId())
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_by, changed_at)
				VALUES (:id, NULL, 'QUALIFIED', :by, :now)
				""")
			.param("id", id)
			.param("by", admin.userId())
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		if (random.nextBoolean()) {
			this.credit.attachPartner(admin.actor(), id, pick(random, partners),
					random.nextBoolean() ? CreditType.INFLUENCED : CreditType.CO_SELL, new BigDecimal("10"));
		}
		ids.add(id);
	}

	private void move(Random random, Viewer admin, long id) {
		var deal = this.deals.get(admin, id);
		if (deal.stage().isClosed()) {
			return;
		}
		var to = pick(random, OPEN);
		if (to != deal.stage()) {
			count("stage move");
			this.deals.moveStage(admin, id, deal.stage(), to, "random change", false);
		}
	}

	private void close(Random random, Viewer admin, long id) {
		var deal = this.deals.get(admin, id);
		if (!deal.stage().isClosed()) {
			count("close");
			this.deals.moveStage(admin, id, deal.stage(), random.nextInt(3) == 0 ? Stage.CLOSED_LOST : Stage.CLOSED_WON,
					"random change", false);
		}
	}

	private void reopen(Viewer admin, long id) {
		var deal = this.deals.get(admin, id);
		if (deal.stage().isClosed()) {
			count("reopen");
			this.deals.moveStage(admin, id, deal.stage(), Stage.COMMIT, "random change: reopened", false);
		}
	}

	private void changeCredit(Random random, Viewer admin, long id) {
		var deal = this.deals.get(admin, id);
		if (deal.partnerId() != null) {
			count("credit change");
			this.credit.changeCredit(admin.actor(), id, CreditType.values()[random.nextInt(3)], new BigDecimal("30"),
					"random change: credit dispute upheld");
		}
	}

	/** Amount corrections, hand-overs of a rep's open deals, exchange-rate changes. */
	private void other(Random random, Viewer admin, List<Viewer> reps, List<Long> ids) {
		switch (random.nextInt(3)) {
			case 0 -> this.jdbc.sql("UPDATE opportunity SET amount = amount + 100, currency = :currency WHERE id = :id")
				.param("currency", random.nextBoolean() ? "EUR" : "USD")
				.param("id", pick(random, ids))
				.update();
			case 1 -> this.deals.handOverOpen(admin, pick(random, reps).userId(), pick(random, reps).userId());
			default -> this.rates.set(admin, random.nextBoolean() ? "EUR" : "GBP",
					BigDecimal.valueOf(90 + random.nextInt(40), 2));
		}
	}

	private static <T> T pick(Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

}
