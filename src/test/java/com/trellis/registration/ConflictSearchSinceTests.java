package com.trellis.registration;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conflict check searches a customer's open registrations before it takes the
 * customer's lock and, under the lock, re-reads only what changed since
 * ({@link ConflictFinder#registrations(Customer, ConflictRepository.Found)}): these tests
 * stop between the two steps and change the customer's registrations there.
 */
@TrellisTest
class ConflictSearchSinceTests {

	private static final AtomicInteger round = new AtomicInteger();

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	ConflictFinder finder;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A registration of the customer still uncommitted when the search ran (its id below
	 * one the search saw committed: a mark by id would miss it), committed before the
	 * lock is taken: found under the lock. Fails when the search's result is used without
	 * the re-read.
	 */
	@Test
	void aRegistrationTheSearchCouldNotSeeIsFoundUnderTheLock() throws Exception {
		int n = 7000 + round.incrementAndGet();
		var racing = this.fixtures.world("Since Racing " + n);
		var other = this.fixtures.world("Since Other " + n);
		var customer = Customer.of("Quorvantix Robotics " + n, null);
		var inserted = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var pool = Executors.newSingleThreadExecutor();
		try {
			// one slip off the customer's lead word: found through the trigram index
			var pending = pool.submit(() -> this.transactions.execute(status -> {
				var view = this.registrations.register(racing.partnerUser(),
						RegistrationTests.command("Quorvamtix Robotics " + n, null));
				inserted.countDown();
				await(commit);
				return view;
			}));
			assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
			// committed beside the racer without the service: a registration through it
			// also writes an activity event, whose program figures go to one of eight
			// writer slots by backend; one time in eight it shared the racer's slot,
			// waited for the racer's commit and let the search see the racer's name
			long laterId = this.jdbc.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount,
					    currency, expected_close_date, credit_type, partner_share, status, submitted_at)
					VALUES (?, ?, ?, 'a confirmed need', 1000, 'USD', '2027-01-31', 'SOURCED', 20, 'WITHDRAWN',
					        '2026-10-11T00:00:00Z')
					RETURNING id
					""")
				.params(other.partnerId(), other.partnerUser().userId(), "Unrelated Zembrovia Holdings " + n)
				.query(Long.class)
				.single();
			var candidates = this.transactions.execute(status -> {
				var searched = this.finder.search(customer);
				assertThat(searched.names()).isEmpty();
				commit.countDown();
				var racer = get(pending);
				assertThat(racer.id()).isLessThan(laterId);
				return this.finder.registrations(customer, searched);
			});
			assertThat(candidates).extracting(ConflictCandidate::id).containsExactly(get(pending).id());
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
	}

	/**
	 * The locks and the re-read go in one round trip
	 * ({@link ConflictFinder#lockThenClaims}, as a registration reads them): a
	 * registration of the customer committed by a transaction that held the customer's
	 * lock while this one waited for it is found, so the re-read's snapshot is taken
	 * after the lock, not before the wait. Would fail were the re-read's snapshot taken
	 * when the round trip began (both in one statement, say).
	 */
	@Test
	void aRegistrationCommittedWhileWaitingForTheLockIsFound() throws Exception {
		int n = 7000 + round.incrementAndGet();
		var racing = this.fixtures.world("Since Waiting " + n);
		var customer = Customer.of("Brastovenic Logistics " + n, null);
		var inserted = new CountDownLatch(1);
		var commit = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var pending = pool.submit(() -> this.transactions.execute(status -> {
				var view = this.registrations.register(racing.partnerUser(),
						RegistrationTests.command("Brastovenik Logistics " + n, null));
				inserted.countDown();
				await(commit);
				return view;
			}));
			assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
			var candidates = this.transactions.execute(status -> {
				var searched = this.finder.search(customer);
				assertThat(searched.names()).isEmpty();
				// the racer commits while this transaction waits for the customer's lock
				pool.submit(() -> {
					Thread.sleep(700);
					commit.countDown();
					return null;
				});
				return this.finder.lockThenClaims(customer, searched, racing.partnerId() + 1_000_000);
			});
			// as the registration reads it: the racer's, judged by the matcher, the only
			// claim
			assertThat(candidates.candidates()).extracting(ConflictCandidate::id).containsExactly(get(pending).id());
			assertThat(candidates.unlisted()).isZero();
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
	}

	/**
	 * What the search found is read again as it is now: a registration withdrawn between
	 * search and lock is no candidate, one approved in between carries its new status.
	 */
	@Test
	void whatTheSearchFoundIsReadAgainUnderTheLock() {
		int n = 7000 + round.incrementAndGet();
		var first = this.fixtures.world("Since First " + n);
		var second = this.fixtures.world("Since Second " + n);
		var customer = Customer.of("Velmorant Analytics " + n, "velmorant-" + n + ".com");
		var withdrawn = this.registrations.register(first.partnerUser(),
				RegistrationTests.command("Velmorant Analytics " + n, null));
		var kept = this.registrations.register(second.partnerUser(),
				RegistrationTests.command("Other Name Entirely " + n, "velmorant-" + n + ".com"));
		var candidates = this.transactions.execute(status -> {
			var searched = this.finder.search(customer);
			// the registration of another name is found by the domain under the lock
			assertThat(searched.names()).containsExactly(customer.normalizedName());
			var pool = Executors.newSingleThreadExecutor();
			try {
				get(pool.submit(() -> this.registrations.withdraw(first.partnerUser(), withdrawn.id())));
				get(pool.submit(() -> this.registrations.sendBack(second.pam(), kept.id(), "Which region?")));
			}
			finally {
				pool.shutdownNow();
			}
			return this.finder.registrations(customer, searched);
		});
		assertThat(candidates).singleElement().satisfies(candidate -> {
			assertThat(candidate.id()).isEqualTo(kept.id());
			assertThat(candidate.status()).isEqualTo(RegistrationStatus.NEEDS_INFO);
		});
	}

	/**
	 * The search goes by the distinct names registered (V154): a name registered by two
	 * partners is one name, accepted once, and under the lock every open registration of
	 * it is a candidate (the count the history reports), with one a slip away and one of
	 * the customer's domain under another name; a name of the same shape the matcher
	 * rejects, and a closed registration of the customer's name, are not. Fails when the
	 * re-read takes only one registration per accepted name, or names the matcher
	 * rejected.
	 */
	@Test
	void everyOpenRegistrationOfAnAcceptedNameIsACandidate() {
		int n = 7000 + round.incrementAndGet();
		var first = this.fixtures.world("Since Name First " + n);
		var second = this.fixtures.world("Since Name Second " + n);
		var third = this.fixtures.world("Since Name Third " + n);
		var fourth = this.fixtures.world("Since Name Fourth " + n);
		var fifth = this.fixtures.world("Since Name Fifth " + n);
		var customer = Customer.of("Trevalion Dynamics " + n, "trevalion-" + n + ".com");
		var same = this.registrations.register(first.partnerUser(),
				RegistrationTests.command("Trevalion Dynamics " + n, null));
		var again = this.registrations.register(second.partnerUser(),
				RegistrationTests.command("Trevalion Dynamics " + n, null));
		var slip = this.registrations.register(third.partnerUser(),
				RegistrationTests.command("Trevalion Dynamisc " + n, null));
		var byDomain = this.registrations.register(fourth.partnerUser(),
				RegistrationTests.command("Quite Another Company " + n, "trevalion-" + n + ".com"));
		var closed = this.registrations.register(fifth.partnerUser(),
				RegistrationTests.command("Trevalion Dynamics " + n, null));
		this.registrations.withdraw(fifth.partnerUser(), closed.id());
		var otherName = this.registrations.register(first.partnerUser(),
				RegistrationTests.command("Trevanion Dynamite " + n, null));
		var candidates = this.transactions.execute(status -> {
			var searched = this.finder.search(customer);
			assertThat(searched.names()).containsExactlyInAnyOrder(customer.normalizedName(),
					Customer.of("Trevalion Dynamisc " + n, null).normalizedName());
			var all = this.finder.lockThenRegistrations(customer, searched);
			// for the slip's partner: its own claim and the earliest other one, two more
			// counted
			var claims = this.finder.lockThenClaims(customer, searched, third.partnerId());
			assertThat(claims.candidates()).extracting(ConflictCandidate::id).containsExactly(same.id(), slip.id());
			assertThat(claims.unlisted()).isEqualTo(2);
			return all;
		});
		assertThat(candidates).extracting(ConflictCandidate::id)
			.containsExactly(same.id(), again.id(), slip.id(), byDomain.id())
			.doesNotContain(otherName.id(), closed.id());
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static <T> T get(java.util.concurrent.Future<T> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
