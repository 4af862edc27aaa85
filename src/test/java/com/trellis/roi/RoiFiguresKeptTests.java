package com.trellis.roi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.marketplace.Marketplace;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.PageRequest;
import com.trellis.shared.validation.Commands;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ROI page's figures kept between requests ({@link RoiFiguresKept}, issue 15): a
 * reader within the time to keep gets the figures computed before with the moment they
 * were computed, a deal written since shows once they are older than that; program spend,
 * cost rates and exchange rates written on any path (here straight into the database, as
 * another instance would) count at once; each scope keeps its own figures, so a partner
 * user never reads another's; readers of the same figures at once compute them once.
 */
@TrellisTest
class RoiFiguresKeptTests {

	private static final Duration TTL = Duration.ofMinutes(1);

	@Autowired
	RoiRepository repository;

	@Autowired
	RoiPageRepository pageRepository;

	@Autowired
	VelocityRepository velocity;

	@Autowired
	Marketplace marketplace;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	Commands commands;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private final AtomicLong nanos = new AtomicLong();

	private RoiFiguresKept kept;

	private Roi roi;

	@BeforeEach
	void keepFigures() {
		this.kept = new RoiFiguresKept(this.jdbc, this.clock, TTL, this.nanos::get);
		this.roi = new Roi(this.repository, this.pageRepository, this.kept, this.velocity, this.marketplace,
				this.calendar, this.commands, this.audit, this.clock);
	}

	@Test
	void aDealWrittenSinceShowsOnceTheFiguresAreOlderThanTheTimeToKeep() {
		var world = this.fixtures.world("Kept ROI partner " + System.nanoTime());
		var first = page(world.pam());
		assertThat(first.asOf()).isEqualTo(this.clock.instant());
		var pipeline = first.report().total().pipeline();

		this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00");
		this.nanos.addAndGet(TTL.minusSeconds(1).toNanos());
		var kept = page(world.pam());
		assertThat(kept.report().total().pipeline()).isEqualByComparingTo(pipeline);
		assertThat(kept.asOf()).isEqualTo(first.asOf());

		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		var fresh = page(world.pam());
		assertThat(fresh.report().total().pipeline()).isEqualByComparingTo(pipeline.add(new BigDecimal("1000.00")));
	}

	@Test
	void spendAndRatesWrittenOnAnyPathCountAtOnce() {
		var world = this.fixtures.world("Kept ROI spend " + System.nanoTime());
		var admin = this.fixtures.user(Role.ADMIN);
		var spend = page(world.pam()).report().total().programSpend();
		var eur = this.jdbc.sql("SELECT to_reporting FROM exchange_rate WHERE currency = 'EUR'")
			.query(BigDecimal.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO roi_program_spend (partner_id, spent_on, amount, currency, purpose, recorded_by, recorded_at)
					VALUES (:partner, :day, 250.00, 'USD', 'Booth', :admin, :at),
					       (:partner, :day, 100.00, 'EUR', 'Travel', :admin, :at)
					""")
			.param("partner", world.partnerId())
			.param("day", this.calendar.today())
			.param("admin", admin.userId())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		assertThat(page(world.pam()).report().total().programSpend())
			.isEqualByComparingTo(spend.add(new BigDecimal("250.00")).add(euros(eur)));
		// EUR 100.00 at two cents more a euro: 2.00 more
		this.jdbc.sql("UPDATE exchange_rate SET to_reporting = to_reporting + 0.02 WHERE currency = 'EUR'").update();
		try {
			assertThat(page(world.pam()).report().total().programSpend())
				.isEqualByComparingTo(spend.add(new BigDecimal("252.00")).add(euros(eur)));
		}
		finally {
			this.jdbc.sql("UPDATE exchange_rate SET to_reporting = :rate WHERE currency = 'EUR'")
				.param("rate", eur)
				.update();
		}

		var pamCost = page(world.pam()).report().total().pamCost();
		this.jdbc.sql("UPDATE roi_cost_rate SET pam_cost_per_partner = pam_cost_per_partner + 100").update();
		try {
			assertThat(page(world.pam()).report().total().pamCost()).isGreaterThan(pamCost);
		}
		finally {
			this.jdbc.sql("UPDATE roi_cost_rate SET pam_cost_per_partner = pam_cost_per_partner - 100").update();
		}
	}

	@Test
	void eachScopeKeepsItsOwnFigures() {
		var one = this.fixtures.world("Kept ROI one " + System.nanoTime());
		var other = this.fixtures.world("Kept ROI other " + System.nanoTime());
		var mine = page(one.partnerUser()).report().partners();
		var theirs = page(other.partnerUser()).report().partners();
		assertThat(mine).extracting(PartnerQuarter::partnerId).containsExactly(one.partnerId());
		assertThat(theirs).extracting(PartnerQuarter::partnerId).containsExactly(other.partnerId());
		assertThat(page(one.pam()).report().partners()).extracting(PartnerQuarter::partnerId)
			.containsExactly(one.partnerId());
		assertThat(page(this.fixtures.user(Role.ADMIN)).report().partners().size()).isGreaterThan(1);
	}

	/**
	 * try46: a partner moved to another PAM stayed on its former PAM's page, and off its
	 * new PAM's totals, until the figures were a minute old.
	 */
	@Test
	void aPartnerMovedToAnotherPamLeavesTheFormerBookAtOnce() {
		var one = this.fixtures.world("Kept ROI moved " + System.nanoTime());
		var other = this.fixtures.world("Kept ROI new book " + System.nanoTime());
		assertThat(page(one.pam()).report().partners()).extracting(PartnerQuarter::partnerId)
			.containsExactly(one.partnerId());
		assertThat(page(other.pam()).report().total().partners()).isEqualTo(1);
		this.jdbc.sql("UPDATE partner SET owner_pam_id = :pam WHERE id = :id")
			.param("pam", other.pam().userId())
			.param("id", one.partnerId())
			.update();
		assertThat(page(one.pam()).report().partners()).isEmpty();
		assertThat(page(other.pam()).report().total().partners()).isEqualTo(2);
		// an update that moves no partner keeps the figures
		var kept = page(other.pam()).asOf();
		// a second later: figures computed again would say so
		((com.trellis.support.TestClock) this.clock).advance(Duration.ofSeconds(1));
		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		this.jdbc.sql("UPDATE partner SET owner_pam_id = owner_pam_id WHERE id = :id")
			.param("id", one.partnerId())
			.update();
		assertThat(page(other.pam()).asOf()).isEqualTo(kept);
	}

	@Test
	void readersOfTheSameFiguresAtOnceComputeThemOnce() throws Exception {
		var computed = new AtomicInteger();
		var started = new CountDownLatch(1);
		var key = new RoiFiguresKept.Key(new RoiScope(null, 42L, null), "2026-Q4", 200, 20, 0, 25, 0);
		var pool = Executors.newFixedThreadPool(8);
		try {
			var readers = new ArrayList<Future<RoiFiguresKept.Kept>>();
			for (int i = 0; i < 8; i++) {
				readers.add(pool.submit(() -> this.kept.get(key, () -> {
					computed.incrementAndGet();
					started.countDown();
					sleep();
					return new Roi.PageFigures(null, java.util.List.of(), null, null);
				})));
			}
			var answers = new ArrayList<RoiFiguresKept.Kept>();
			for (var reader : readers) {
				answers.add(reader.get(30, TimeUnit.SECONDS));
			}
			assertThat(computed).hasValue(1);
			assertThat(answers).allSatisfy(answer -> assertThat(answer).isSameAs(answers.get(0)));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void withoutATimeToKeepEveryReadComputes() {
		var every = new RoiFiguresKept(this.jdbc, this.clock, Duration.ZERO, this.nanos::get);
		var computed = new AtomicInteger();
		var key = new RoiFiguresKept.Key(new RoiScope(null, null, null), "2026-Q4", 200, 20, 0, 25, 0);
		var answer = every.get(key, () -> {
			computed.incrementAndGet();
			return new Roi.PageFigures(null, java.util.List.of(), null, null);
		});
		every.get(key, () -> {
			computed.incrementAndGet();
			return answer.figures();
		});
		assertThat(computed).hasValue(2);
		assertThat(answer.asOf()).isNull();
	}

	private Roi.PageFigures page(com.trellis.identity.Viewer viewer) {
		return this.transactions.execute(status -> this.roi.page(viewer, null, new PageRequest(0, 25)));
	}

	/** EUR 100.00 in the reporting currency at {@code rate}, rounded to the cent. */
	private static BigDecimal euros(BigDecimal rate) {
		return rate.multiply(new BigDecimal("100.00")).setScale(2, java.math.RoundingMode.HALF_EVEN);
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
