package com.trellis.demo;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.trellis.activity.ActivityPartitions;
import com.trellis.facts.DealFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo module's facade: loads the generated ecosystem into an empty database, in one
 * transaction, with COPY. Every demo user signs in with the password {@code demo}.
 */
@Service
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final List<String> TABLES = List.of("app_user", "partner", "partner_lifecycle_change", "account",
			"opportunity", "opportunity_stage_change", "activity_event", "partner_lead", "cosell_request",
			"enablement_completion", "readiness_assessment", "deal_registration");

	/**
	 * The demo writes its incentive ledger row by row: up to this many deals (the small
	 * demo); the benchmark size leaves the ledger empty.
	 */
	static final int INCENTIVES_UP_TO_DEALS = 100_000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private volatile boolean stopRequested;

	private final ActivityPartitions activityPartitions;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final DemoProperties properties;

	private final com.trellis.shared.BusinessCalendar calendar;

	private final DealFacts facts;

	private final DemoNoticeSources noticeSources;

	private final com.trellis.maturity.MaturityAssessments maturity;

	private final com.trellis.shared.CountingWins countingWins;

	DemoData(DataSource dataSource, PlatformTransactionManager transactionManager, PasswordEncoder passwordEncoder,
			Clock clock, DemoProperties properties, com.trellis.shared.BusinessCalendar calendar, DealFacts facts,
			DemoNoticeSources noticeSources, com.trellis.maturity.MaturityAssessments maturity,
			ActivityPartitions activityPartitions, com.trellis.shared.CountingWins countingWins) {
		this.countingWins = countingWins;
		this.maturity = maturity;
		this.activityPartitions = activityPartitions;
		this.noticeSources = noticeSources;
		this.calendar = calendar;
		this.facts = facts;
		this.dataSource = dataSource;
		// the load's bulk statements read and write millions of rows at the large size:
		// they
		// run without the request-sized query timeout
		// (spring.jdbc.template.query-timeout)
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
		this.transaction = new TransactionTemplate(transactionManager);
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * The size configured under {@code trellis.demo}: {@link DemoSize#LARGE} for
	 * {@code size=large}.
	 */
	public DemoSize configuredSize() {
		return this.properties.demoSize();
	}

	/** Whether the tables the demo fills are empty, so a load can run. */
	public boolean isEmpty() {
		return count("partner") == 0 && count("app_user") == 0;
	}

	/** Whether there are partners already (the runner then leaves the data alone). */
	public boolean hasPartners() {
		return count("partner") > 0;
	}

	/**
	 * Asks a running load to stop at its next chunk of rows (Trellis is stopping): the
	 * load then throws {@link DemoLoadStopped} and its one transaction leaves nothing.
	 */
	void requestStop() {
		this.stopRequested = true;
	}

	/**
	 * Loads the demo with the configured seed; the same seed on the same day gives the
	 * same data.
	 */
	public LoadReport load(DemoSize size) {
		return load(size, this.properties.seed());
	}

	/**
	 * Refreshes the planner's statistics of the demo's tables (inside the load's
	 * transaction they are seen by its own statements; again after the commit).
	 */
	private void analyze() {
		for (String table : TABLES) {
			this.jdbc.sql("ANALYZE " + table).update();
		}
		this.jdbc.sql("ANALYZE deal_partner_attachment").update();
	}

	/**
	 * Loads the demo ecosystem in one transaction; nothing is left behind if it fails.
	 * @throws IllegalStateException when users or partners exist already
	 */
	public LoadReport load(DemoSize size, long seed) {
		long started = System.nanoTime();
		String passwordHash = this.passwordEncoder.encode("demo");
		var generator = new DemoGenerator(seed, size, this.clock.instant(), this.calendar.zone(), passwordHash);
		log.info("Loading demo data (seed {}): {}", seed, size);
		var rows = this.transaction.execute(status -> {
			if (!isEmpty()) {
				throw new IllegalStateException("Demo data loads only into an empty database");
			}
			// the facts are recomputed once after the load instead of by the triggers on
			// each bulk statement (at the large size one COPY holds millions of rows)
			this.facts.suspendForBulkLoad();
			// the events' months get their partitions first, so the COPY routes each row
			// straight to its month (the generator's window is 540 days back)
			this.activityPartitions.ensureMonths(this.clock.instant().minus(Duration.ofDays(600)),
					this.clock.instant());
			var connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				var sink = new CopySink(connection, () -> this.stopRequested);
				try {
					generator.writeTo(sink);
				}
				catch (RuntimeException ex) {
					sink.abort();
					throw ex;
				}
				// the steps below are set-based SQL over what was just copied: without
				// statistics (ANALYZE after the commit comes too late for them) the
				// planner
				// took "the partner's first user" as a walk through every user in id
				// order,
				// for each of the large demo's deals (hours)
				analyze();
				DemoCompletions.recordCompletions(this.jdbc, this.calendar.zone());
				DemoRegistrations.record(this.jdbc, this.clock.instant());
				DemoAdoption.writePrompts(this.jdbc);
				DemoTiers.override(this.jdbc, this.calendar.today(), this.clock.instant());
				new DemoPlays(this.jdbc, generator.partners(), seed, this.clock.instant()).write();
				new DemoMaturity(this.jdbc, this.maturity, this.clock.instant()).write(generator.partners(), seed);
				DemoIcp.write(this.jdbc, this.clock.instant());
				new DemoLeaver(this.jdbc, this.clock.instant()).write(seed, size.accounts(), size.opportunities());
				new DemoUnknownAmounts(this.jdbc).write(seed, size.opportunities());
				if (size.opportunities() <= INCENTIVES_UP_TO_DEALS) {
					writeIncentives(generator.partners(), seed);
					// the staff notices of what is still open, as the live path writes
					// them (one facade call per notice: left out at the large size)
					new DemoNotices(this.jdbc, this.noticeSources.notices(), this.noticeSources.partners(),
							this.noticeSources.users(), this.calendar)
						.write();
				}
				resetSequences();
				this.facts.buildIfNeeded();
				return sink.rows();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot load demo data", ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
		analyze();
		var report = new LoadReport(rows, Duration.ofNanos(System.nanoTime() - started));
		log.info("Demo data loaded: {} rows in {} s", report.totalRows(), report.took().toSeconds());
		return report;
	}

	/**
	 * Incentive programs in force with what they earned and paid, MDF funds with requests
	 * and claims, credit disputes, marketplace sales and the past weeks' guidance
	 * decisions, all driven by each partner's hidden quality.
	 */
	private void writeIncentives(List<PartnerPlan> partners, long seed) {
		var ledger = new DemoLedger(this.jdbc, partners, seed, this.clock.instant());
		long mdfProgram = new DemoIncentives(ledger, this.calendar, this.countingWins).write();
		var disputes = new DemoDisputes(ledger).write();
		new DemoFunds(ledger, this.calendar.zone()).write(mdfProgram);
		new DemoPayouts(ledger, this.calendar).write(disputes);
		new DemoRoi(this.jdbc, this.calendar, this.clock.instant()).write(partners, seed);
		int sold = new DemoMarketplace(this.jdbc, this.calendar, this.clock.instant()).write(partners, seed);
		log.info("Demo marketplace: {} transactions", sold);
		int decided = new DemoGuidance(this.jdbc, this.calendar, this.clock.instant()).write(partners, seed);
		log.info("Demo guidance history: {} recommendations of the past {} weeks", decided, DemoGuidance.WEEKS);
	}

	private void resetSequences() {
		for (String table : TABLES) {
			this.jdbc
				.sql("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM " + table
						+ "))")
				.query()
				.listOfRows();
		}
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) AS any_row")
			.query(Long.class)
			.single();
	}

}
