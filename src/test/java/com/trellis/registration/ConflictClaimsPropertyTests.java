package com.trellis.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.trellis.matching.CompanyIdentity;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims read under the customer's lock ({@link ConflictFinder#lockThenClaims}: a
 * count and the registrations that may decide) decide as every registration found
 * ({@link ConflictFinder#lockThenRegistrations}, full rows matched one by one) did: the
 * same status, reasons, claims recorded (with their matches) and count, for random
 * registrations (fixed seed) of names a slip apart, of the customer's domain, of a
 * free-mail domain and of none, in every status, by a few partners, many submitted at the
 * same moment; asked for each partner and for a partner without a claim.
 */
@TrellisTest
class ConflictClaimsPropertyTests {

	private static final AtomicInteger round = new AtomicInteger();

	private static final List<String> STATUSES = List.of("PENDING", "PENDING", "ON_HOLD", "NEEDS_INFO", "APPROVED",
			"REJECTED", "WITHDRAWN", "EXPIRED");

	@Autowired
	Fixtures fixtures;

	@Autowired
	ConflictFinder finder;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theClaimsDecideAsEveryRegistrationFound() {
		int n = 8100 + round.incrementAndGet();
		var random = new Random(20261202L);
		var worlds = new ArrayList<Fixtures.World>();
		for (int i = 0; i < 4; i++) {
			worlds.add(this.fixtures.world("Claims Partner " + n + " " + i));
		}
		var names = List.of("Ostravelic Marinex " + n, "Ostravelic Marinek " + n, "Ostrvaelic Marinex " + n,
				"Ostravelic Holdings " + n, "Ostravelic " + n);
		var domains = new ArrayList<String>();
		domains.add("ostravelic-" + n + ".com");
		domains.add("gmail.com");
		domains.add(null);
		var moments = List.of(Instant.parse("2026-10-01T08:00:00Z"), Instant.parse("2026-10-01T08:00:00Z"),
				Instant.parse("2026-10-02T09:30:00Z"), Instant.parse("2026-10-03T10:00:00Z"));
		for (int i = 0; i < 60; i++) {
			var world = worlds.get(random.nextInt(worlds.size()));
			var name = random.nextInt(6) == 0 ? "Unrelated Brandovix " + n + " " + i
					: names.get(random.nextInt(names.size()));
			insert(world, name, domains.get(random.nextInt(domains.size())),
					STATUSES.get(random.nextInt(STATUSES.size())), moments.get(random.nextInt(moments.size())));
		}
		int compared = 0;
		for (var name : names) {
			for (var domain : domains) {
				// a registrable domain as older rows keep it, a free-mail one included
				var customer = new Customer(name, domain, CompanyIdentity.normalizedName(name));
				var partners = new ArrayList<Long>();
				worlds.forEach(world -> partners.add(world.partnerId()));
				partners.add(-1L);
				for (long partner : partners) {
					compare(customer, partner);
					compared++;
				}
			}
		}
		assertThat(compared).isEqualTo(75);
	}

	private void compare(Customer customer, long partner) {
		this.transactions.executeWithoutResult(status -> {
			var searched = this.finder.search(customer);
			var all = this.finder.lockThenRegistrations(customer, searched);
			var claims = this.finder.lockThenClaims(customer, searched, partner);
			var rules = RegistrationRules.DEFAULTS;
			var now = Instant.parse("2026-12-02T10:00:00Z");
			var before = DecisiveConflicts.select(partner, all);
			var after = DecisiveConflicts.select(partner, claims.candidates(), claims.unlisted());
			var what = customer + " for partner " + partner;
			assertThat(after.found()).as(what).isEqualTo(before.found());
			assertThat(after.recorded()).as(what).isEqualTo(before.recorded());
			assertThat(after.summary()).as(what).isEqualTo(before.summary());
			assertThat(RulesOfEngagement.decide(partner, claims.candidates(), rules, now, ZoneOffset.UTC)).as(what)
				.isEqualTo(RulesOfEngagement.decide(partner, all, rules, now, ZoneOffset.UTC));
			assertThat(all).as(what).containsAll(claims.candidates());
		});
	}

	private void insert(Fixtures.World world, String name, String domain, String status, Instant at) {
		var customer = Customer.of(name, null);
		this.jdbc.sql("""
				INSERT INTO deal_registration (partner_id, registered_by, customer_name, registrable_domain,
				    normalized_name, name_shape, customer_need, amount, currency, expected_close_date, credit_type,
				    partner_share, status, submitted_at, protection_ends_at)
				VALUES (?, ?, ?, ?, ?, ?, 'a confirmed need', 1000, 'USD', '2027-01-31', 'SOURCED', 20, ?, ?, ?)
				""")
			.params(world.partnerId(), world.partnerUser().userId(), name, domain, customer.normalizedName(),
					CustomerLocks.shape(customer.normalizedName()), status, Timestamp.from(at),
					Timestamp.from(at.plusSeconds(90L * 86_400)))
			.update();
	}

}
