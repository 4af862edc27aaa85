package com.trellis.hygiene;

import java.sql.Timestamp;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlapping registrations are counted by the job (per registration, inclusion–
 * exclusion over the three keys) and only read by requests: the counts are those of the
 * join on any of the keys (a pair sharing two keys once, registrations of one partner or
 * closed ones never); a request does not count registrations added after the run, and a
 * registration decided or withdrawn after the run drops out at once.
 */
@TrellisTest
class OverlappingRegistrationTests {

	/** The check's query before V93: one join on account OR domain OR name. */
	private static final String JOIN_ON_ANY_KEY = """
			SELECT r.id || ':' || count(*)
			FROM deal_registration r JOIN partner p ON p.id = r.partner_id
			JOIN deal_registration other ON other.id <> r.id AND other.partner_id <> r.partner_id
			     AND other.status IN ('PENDING', 'NEEDS_INFO', 'APPROVED')
			     AND (other.account_id = r.account_id OR other.registrable_domain = r.registrable_domain
			          OR other.normalized_name = r.normalized_name)
			WHERE r.status IN ('PENDING', 'NEEDS_INFO', 'APPROVED')
			  AND (CAST(:pam AS BIGINT) IS NULL OR r.partner_id IN (SELECT id FROM partner WHERE owner_pam_id = :pam))
			GROUP BY r.id ORDER BY r.id
			""";

	@Autowired
	Hygiene hygiene;

	@Autowired
	DuplicateAccounts job;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	OverlapStore overlaps;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void theOverlapsTheJobCountsAreThoseOfTheJoinOnAnyKeyForTheProgramAndABook() {
		var pam = this.fixtures.user(Role.PAM);
		var ae = this.fixtures.user(Role.AE);
		long ours = this.fixtures.partner("Overlap Ours", pam.userId());
		long rival = this.fixtures.partner("Overlap Rival", this.fixtures.user(Role.PAM).userId());
		long third = this.fixtures.partner("Overlap Third", this.fixtures.user(Role.PAM).userId());
		long account = this.fixtures.account("Morvellan Shared", "morvellan.example", ae.userId());
		long first = registration(ours, account, "Morvellan Shared", "morvellan.example", "PENDING");
		registration(rival, account, "Morvellan Division", "morvellan-division.example", "APPROVED");
		registration(third, null, "Morvellan Shared", "morvellan.example", "NEEDS_INFO");
		registration(ours, null, "Trevanor Ltd", "trevanor.example", "PENDING");
		registration(ours, null, "Trevanor Ltd", "trevanor.example", "APPROVED");
		registration(rival, null, "Trevanor Ltd", "trevanor.example", "REJECTED");
		registration(rival, null, "Caldrith Foods", "caldrith.example", "PENDING");
		registration(third, null, "Caldrith Foods Europe", "caldrith.example", "PENDING");
		this.job.request(pam.userId());
		this.job.recomputeIfDue();

		var admin = this.fixtures.user(Role.ADMIN);
		assertThat(counts(admin)).isEqualTo(joinOnAnyKey(null));
		assertThat(counts(admin).stream().filter(c -> Long.parseLong(c.split(":")[0]) >= first))
			.as("the first shares account and key with two partners, counted once each")
			.hasSize(5)
			.startsWith(first + ":2");
		var book = counts(pam);
		assertThat(book).containsExactly(first + ":2").isEqualTo(joinOnAnyKey(pam.userId()));
		assertThat(count(pam)).isEqualTo(1);
	}

	@Test
	void aRequestReadsTheStoredCountAndARegistrationClosedSinceTheRunDropsOutAtOnce() {
		var pam = this.fixtures.user(Role.PAM);
		long ours = this.fixtures.partner("Stored Ours", pam.userId());
		long rival = this.fixtures.partner("Stored Rival", this.fixtures.user(Role.PAM).userId());
		this.job.recomputeIfDue();
		long mine = registration(ours, null, "Brackenholt Stored", "quillmoor.example", "PENDING");
		long theirs = registration(rival, null, "Brackenholt Stored Group", "quillmoor.example", "PENDING");

		assertThat(count(pam)).as("added after the run: no request counts it").isZero();
		assertThat(this.hygiene.storedResult(pam, HygieneCheck.OVERLAPPING_REGISTRATIONS).computedAt()).isNotNull();
		assertThat(this.job.recomputeIfDue()).as("the open registrations changed: the job counts again").isTrue();
		assertThat(count(pam)).isEqualTo(1);
		assertThat(records(pam)).singleElement()
			.satisfies(r -> assertThat(r.problem()).startsWith("overlaps 1 open registration of other partners")
				.endsWith("e.g. registration " + theirs + " of Stored Rival for Brackenholt Stored Group"));

		withdraw(theirs);
		assertThat(records(pam)).singleElement()
			.as("the other was withdrawn since the run: no example is named as open")
			.satisfies(r -> assertThat(r.problem()).endsWith("none open now"));
		var admin = this.fixtures.user(Role.ADMIN);
		long program = count(admin);
		withdraw(mine);
		assertThat(count(pam)).as("withdrawn since the run: left out at once").isZero();
		assertThat(count(admin)).as("and from the program's count").isEqualTo(program - 1);
		assertThat(records(pam)).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM hygiene_overlap WHERE registration_id = ?")
			.param(mine)
			.query(Long.class)
			.single()).as("its stored row left with it (V301)").isZero();
	}

	@Test
	void aRegistrationWithdrawnWhileTheJobStoresItsCountWaitsAndItsRowLeavesWithIt() throws Exception {
		long ours = this.fixtures.partner("Racing Ours", this.fixtures.user(Role.PAM).userId());
		long rival = this.fixtures.partner("Racing Rival", this.fixtures.user(Role.PAM).userId());
		long mine = registration(ours, null, "Fennholt Racing", "fennholt.example", "PENDING");
		registration(rival, null, "Fennholt Racing Group", "fennholt.example", "PENDING");
		var stored = new java.util.concurrent.CountDownLatch(1);
		var commit = new java.util.concurrent.CountDownLatch(1);
		var run = java.util.concurrent.CompletableFuture.runAsync(() -> this.transactions.executeWithoutResult(tx -> {
			this.overlaps.replace(this.overlaps.signature(), this.clock.instant());
			stored.countDown();
			await(commit);
		}));
		await(stored);
		// the run has read the registration as open and stored its row, not yet committed
		var withdrawal = java.util.concurrent.CompletableFuture.runAsync(() -> withdraw(mine));
		Thread.sleep(300);
		assertThat(withdrawal).as("the withdrawal waits for the run").isNotDone();
		commit.countDown();
		run.get(10, java.util.concurrent.TimeUnit.SECONDS);
		withdrawal.get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(this.jdbc.sql("SELECT count(*) FROM hygiene_overlap WHERE registration_id = ?")
			.param(mine)
			.query(Long.class)
			.single()).as("the row the run stored left with the registration").isZero();
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long count(Viewer viewer) {
		return this.hygiene.summary(viewer)
			.stream()
			.filter(s -> s.check() == HygieneCheck.OVERLAPPING_REGISTRATIONS)
			.findFirst()
			.orElseThrow()
			.count();
	}

	private List<HygieneRecord> records(Viewer viewer) {
		return this.hygiene.records(viewer, HygieneCheck.OVERLAPPING_REGISTRATIONS, new PageRequest(0, 50)).items();
	}

	private void withdraw(long registration) {
		this.jdbc.sql("UPDATE deal_registration SET status = 'WITHDRAWN' WHERE id = ?").param(registration).update();
	}

	private List<String> counts(Viewer viewer) {
		var counts = new java.util.ArrayList<String>();
		for (int page = 0;; page++) {
			var found = this.hygiene.records(viewer, HygieneCheck.OVERLAPPING_REGISTRATIONS,
					new PageRequest(page, PageRequest.MAX_SIZE));
			found.items().forEach(r -> counts.add(r.recordId() + ":" + r.problem().split(" ")[1]));
			if (!found.hasNext()) {
				return counts;
			}
		}
	}

	private List<String> joinOnAnyKey(Long pam) {
		return this.jdbc.sql(JOIN_ON_ANY_KEY).param("pam", pam).query(String.class).list();
	}

	private long registration(long partner, Long account, String customer, String domain, String status) {
		var registrant = this.fixtures.user(Role.PARTNER, partner, null);
		return this.jdbc.sql("""
				INSERT INTO deal_registration (partner_id, registered_by, account_id, customer_name, customer_domain,
				       registrable_domain, normalized_name, customer_need, amount, currency, expected_close_date,
				       credit_type, partner_share, status, submitted_at)
				VALUES (:partner, :by, :account, :name, :domain, :domain, lower(:name), 'A need', 1000, 'USD',
				        '2027-06-30', 'SOURCED', 20, :status, :now) RETURNING id
				""")
			.param("partner", partner)
			.param("by", registrant.userId())
			.param("account", account)
			.param("name", customer)
			.param("domain", domain)
			.param("status", status)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

}
