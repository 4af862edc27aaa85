package com.trellis.registration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.process.SalesProcess;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A customer many partners and the sales team have worked: the reviewer is shown the
 * claims that decide a new registration, not every open deal on the customer's accounts,
 * and registrations that no longer hold it are never conflicts.
 */
@TrellisTest
class DecisiveConflictsTests {

	private static final String CUSTOMER = "Quorvex Turbines";

	private static final String DOMAIN = "quorvex-turbines.com";

	@Autowired
	Registrations registrations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SalesProcess process;

	@Autowired
	MockMvc mvc;

	@Test
	void aCustomerWithManyOpenDealsAndOldRegistrationsListsOnlyTheClaimsThatDecide() throws Exception {
		var old = oldRegistrations();
		var registrant = this.fixtures.world("Decisive Registrant Partners");
		long byDomain = this.fixtures.account(CUSTOMER, DOMAIN, registrant.ae().userId());
		long byName = this.fixtures.account(CUSTOMER + " GmbH", null, registrant.ae().userId());
		var partnerDeals = new ArrayList<Long>();
		var directDeals = new ArrayList<Long>();
		var owners = new ArrayList<com.trellis.identity.Viewer>();
		for (int i = 0; i < 6; i++) {
			var other = this.fixtures.world("Decisive Deal Partners " + i);
			owners.add(other.ae());
			this.clock.advance(Duration.ofMinutes(1));
			partnerDeals.add(this.fixtures.partnerDeal(i % 2 == 0 ? byDomain : byName, other.ae().userId(),
					other.partnerId(), "60000.00"));
			this.clock.advance(Duration.ofMinutes(1));
			directDeals.add(directDeal(i % 2 == 0 ? byName : byDomain, other.ae().userId()));
		}

		var held = this.registrations.register(registrant.partnerUser(), RegistrationTests.command(CUSTOMER, DOMAIN));

		// the decision is the one every claim gives: the earliest partner deal holds it
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(held.statusReason()).startsWith("Another partner's open deal covers this customer");
		var conflicts = this.registrations.conflicts(registrant.pam(), held.id());
		assertThat(conflicts).extracting(ConflictView::candidateKind, ConflictView::candidateId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("OPPORTUNITY", partnerDeals.get(0)),
					org.assertj.core.groups.Tuple.tuple("OPPORTUNITY", directDeals.get(0)));
		assertThat(conflicts).extracting(ConflictView::candidateId).doesNotContainAnyElementsOf(old);
		assertThat(this.registrations.conflictsFound(registrant.pam(), held.id())).isEqualTo(12);
		assertThat(this.registrations.history(registrant.pam(), held.id()).get(0).reason())
			.contains("12 claims on the customer found, 2 deciding recorded");
		var page = this.mvc.perform(get("/registrations/" + held.id()).session(login(registrant)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("10 more open claims on this customer");

		// the deal that held it closes: the next partner deal holds it, and is listed
		this.process.disqualify(owners.get(0), partnerDeals.get(0), "No budget this year");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.conflicts(registrant.pam(), held.id())
				.stream()
				.anyMatch(c -> c.candidateId() == partnerDeals.get(1)));
		assertThat(this.registrations.get(registrant.pam(), held.id()).status()).isEqualTo(RegistrationStatus.ON_HOLD);
	}

	/**
	 * Registrations of the customer by other partners that no longer hold it: one
	 * expired, one rejected, one withdrawn, each the only open one when it was made.
	 */
	private List<Long> oldRegistrations() {
		var ids = new ArrayList<Long>();
		var expiring = this.fixtures.world("Old Expired Partners");
		ids.add(this.registrations.register(expiring.partnerUser(), RegistrationTests.command(CUSTOMER, DOMAIN)).id());
		this.clock.advance(Duration.ofDays(91));
		assertThat(this.registrations.expireLapsed()).isPositive();
		for (int i = 0; i < 4; i++) {
			var other = this.fixtures.world("Old Closed Partners " + i);
			var registered = this.registrations.register(other.partnerUser(),
					RegistrationTests.command(CUSTOMER, i % 2 == 0 ? DOMAIN : null));
			assertThat(registered.status()).isEqualTo(RegistrationStatus.PENDING);
			if (i % 2 == 0) {
				this.registrations.reject(other.pam(), registered.id(), "Not a qualified opportunity");
			}
			else {
				this.registrations.withdraw(other.partnerUser(), registered.id());
			}
			ids.add(registered.id());
		}
		return ids;
	}

	private long directDeal(long accountId, long ownerId) {
		return this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
				                         stage_entered_at, created_at, updated_at)
				VALUES (:account, 'Direct fixture deal', :amount, 'USD', 'QUALIFIED', :close, :owner, 'DIRECT',
				        :now, :now, :now) RETURNING id
				""")
			.param("account", accountId)
			.param("amount", new BigDecimal("80000.00"))
			.param("close", LocalDate.now(this.clock).plusDays(30))
			.param("owner", ownerId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	private MockHttpSession login(Fixtures.World world) throws Exception {
		var result = this.mvc
			.perform(post("/login").param("username", this.fixtures.email(world.pam()))
				.param("password", "secret")
				.with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
