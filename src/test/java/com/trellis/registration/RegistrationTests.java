package com.trellis.registration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class RegistrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Autowired
	Registrations registrations;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.trellis.deals.Deals deals;

	@Test
	void rejectsRegistrationWithoutNamedAccountNamingEachMissingFieldAndSavesNothing() throws Exception {
		var world = this.fixtures.world("Gate Keepers");
		long before = this.fixtures.count("deal_registration");
		// one round: the amount's annotation together with the entry gate's missing
		// fields
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).post("/api/v1/registrations", "{\"amount\": 0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("amount", "customerName", "customerNeed",
					"currency", "expectedCloseDate", "creditType")));
		new Api(this.mvc, this.fixtures.token(world.partnerUser())).post("/api/v1/registrations", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("customerName", "customerNeed", "amount",
					"currency", "expectedCloseDate", "creditType")));
		new Api(this.mvc, this.fixtures.token(world.ae())).post("/api/v1/registrations",
				"{\"customerName\": \"Someone\", \"customerDomain\": \"not a domain\", \"customerNeed\": \"short\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("customerDomain", "customerNeed",
					"partnerId", "amount", "currency", "expectedCloseDate", "creditType")));
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	@Test
	void theFirstRegistrationWinsProtectionAndALaterOneIsHeldWithoutNamingTheOther() throws Exception {
		var first = this.fixtures.world("Held First Partners");
		var second = this.fixtures.world("Held Second Partners");
		var won = this.registrations.register(first.partnerUser(),
				command("Zephyr Analytics Ltd", "zephyr-analytics.com"));
		assertThat(won.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(won.protectionEndsAt()).isEqualTo(TestClock.START.plus(Duration.ofDays(90)));
		// submitted on a Sunday: the two business days are Monday and Tuesday
		assertThat(won.slaDueAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));

		var held = this.registrations.register(second.partnerUser(),
				command("ZEPHYR ANALYTICS", "https://shop.zephyr-analytics.com"));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(held.conflict()).isTrue();
		assertThat(held.statusReason()).contains("Another partner").doesNotContain("Held First");

		var partnerApi = new Api(this.mvc, this.fixtures.token(second.partnerUser()));
		partnerApi.get("/api/v1/registrations/" + held.id())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statusReason").value(not(containsString("Held First"))));
		partnerApi.get("/api/v1/registrations/" + held.id() + "/conflicts").andExpect(status().isForbidden());
		partnerApi.get("/api/v1/registrations/" + won.id()).andExpect(status().isNotFound());

		new Api(this.mvc, this.fixtures.token(second.pam())).get("/api/v1/registrations/" + held.id() + "/conflicts")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].candidateId").value(won.id()))
			.andExpect(jsonPath("$[0].partnerId").value(first.partnerId()))
			.andExpect(jsonPath("$[0].reason").value("same registrable domain zephyr-analytics.com"));
	}

	@Test
	void twoDifferentCustomersOnTheSameFreeMailDomainDoNotCollide() {
		var first = this.fixtures.world("Free Mail First Partners");
		var second = this.fixtures.world("Free Mail Second Partners");
		var one = this.registrations.register(first.partnerUser(), command("Quillon Plumbing", "gmail.com"));
		var other = this.registrations.register(second.partnerUser(), command("Varga Dental Care", "gmail.com"));
		assertThat(one.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(other.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(other.conflict()).isFalse();
	}

	@Test
	void theSameCustomerSpeltWithAndWithoutUmlautsCollides() {
		var first = this.fixtures.world("Umlaut First Partners");
		var second = this.fixtures.world("Umlaut Second Partners");
		this.registrations.register(first.partnerUser(), command("Müller Maschinenbau GmbH", null));
		var held = this.registrations.register(second.partnerUser(), command("Mueller Maschinenbau GmbH", null));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
	}

	/**
	 * try01: a partner's second customer on its own domain, named like its first but for
	 * one letter, was rejected as a duplicate again and again; it awaits the PAM, who
	 * sees the resemblance, while the same customer again is still a duplicate.
	 */
	@Test
	void aPartnersCustomerNamedAlikeOnAnotherDomainAwaitsThePam() {
		var world = this.fixtures.world("Look Alike Own Partners");
		var first = this.registrations.register(world.partnerUser(),
				command("Quillfeather Health Partners", "quillfeatherhealth.org"));
		var second = this.registrations.register(world.partnerUser(),
				command("Quillfeather Wealth Partners", "quillfeatherwealth.com"));
		assertThat(second.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(second.statusReason()).contains("resembles your registration #" + first.id());
		var again = this.registrations.register(world.partnerUser(),
				command("Quillfeather Health Partners", "quillfeatherhealth.org"));
		assertThat(again.status()).isEqualTo(RegistrationStatus.REJECTED);
	}

	@Test
	void aNameWithAnInvisibleCharacterIsTheSameCustomer() {
		// s55: a zero-width space or a soft hyphen inside a word split it in two, and the
		// second partner's registration went through without a conflict
		var first = this.fixtures.world("Invisible First Partners");
		var second = this.fixtures.world("Invisible Second Partners");
		var third = this.fixtures.world("Invisible Third Partners");
		this.registrations.register(first.partnerUser(), command("Quorvantic Health Systems", null));
		for (var world : List.of(second, third)) {
			var name = world == second ? "Quor\u200bvantic Health Systems" : "Quor\u00advantic Health\u2060 Systems";
			assertThat(this.registrations.register(world.partnerUser(), command(name, null)).status())
				.isEqualTo(RegistrationStatus.ON_HOLD);
		}
	}

	@Test
	void manyPartnersRegisteringTheSameCustomerAtOnceLeaveExactlyOneWinner() throws Exception {
		int partners = 8;
		var viewers = new ArrayList<Viewer>();
		for (int i = 0; i < partners; i++) {
			viewers.add(this.fixtures.world("Race Partner " + i).partnerUser());
		}
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(partners);
		try {
			var futures = new ArrayList<Future<RegistrationView>>();
			for (var viewer : viewers) {
				Callable<RegistrationView> task = () -> {
					start.await();
					return this.registrations.register(viewer, command("Quasar Freight GmbH", "quasar-freight.de"));
				};
				futures.add(pool.submit(task));
			}
			start.countDown();
			var statuses = new ArrayList<RegistrationStatus>();
			for (var future : futures) {
				statuses.add(future.get().status());
			}
			assertThat(statuses).containsOnlyOnce(RegistrationStatus.PENDING);
			assertThat(statuses.stream().filter(s -> s == RegistrationStatus.ON_HOLD)).hasSize(partners - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void approvingOpensTheDealWithCreditFixedAndTellsThePartner() throws Exception {
		var world = this.fixtures.world("Approval Partners");
		var registered = this.registrations.register(world.partnerUser(),
				command("Orchid Retail Inc", "orchid-retail.com"));
		this.clock.advance(Duration.ofHours(5));
		var approved = new Api(this.mvc, this.fixtures.token(world.pam()))
			.post("/api/v1/registrations/" + registered.id() + "/approve",
					"{\"ownerId\": %d}".formatted(world.ae().userId()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andReturn();
		var view = this.registrations.get(world.pam(), registered.id());
		assertThat(view.timeToApproval()).isEqualTo(Duration.ofHours(5));
		var deal = this.jdbc.sql("""
				SELECT stage, partner_id, credit_type, partner_share, owner_id, source FROM opportunity WHERE id = ?
				""")
			.param(view.opportunityId())
			.query((rs, n) -> List.of(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getLong(5), rs.getString(6)))
			.single();
		assertThat(deal).containsExactly("REGISTERED", world.partnerId(), "SOURCED", new BigDecimal("20.00"),
				world.ae().userId(), "PARTNER");
		assertThat(approved.getResponse().getContentAsString()).contains("protection until 2027-02-20");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT kind FROM notification WHERE partner_id = ?")
				.param(world.partnerId())
				.query(String.class)
				.list()
				.contains("REGISTRATION_APPROVED"));
	}

	@Test
	void aRegistrationThatMeetsADirectDealIsFlaggedAndTheApprovedPartnerJoinsIt() {
		var world = this.fixtures.world("Joiner Partners");
		long account = this.fixtures.account("Helios Mining Corp", "helios-mining.com", world.ae().userId());
		long direct = this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, stage_entered_at,
				    created_at, updated_at)
				VALUES (?, 'Helios direct', 90000, 'USD', 'QUALIFIED', ?, 'DIRECT', now(), now(), now()) RETURNING id
				""").params(account, world.ae().userId()).query(Long.class).single();

		var registered = this.registrations.register(world.partnerUser(),
				command("Helios Mining", "www.helios-mining.com"));
		assertThat(registered.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(registered.conflict()).isTrue();
		assertThat(registered.statusReason()).contains("sales team already works with this customer");

		// co-sell rather than the influenced credit a sourced proposal joins a direct
		// deal
		// with: the PAM's decision, with its reason
		assertThatThrownBy(() -> this.registrations.approve(world.pam(), registered.id(),
				new ApproveCommand(null, CreditType.CO_SELL)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason");
		var approved = this.registrations.approve(world.pam(), registered.id(),
				new ApproveCommand(null, CreditType.CO_SELL, "The partner runs the implementation"));
		assertThat(approved.opportunityId()).isEqualTo(direct);
		assertThat(this.jdbc
			.sql("SELECT partner_id || ' ' || credit_type || ' ' || owner_id FROM opportunity WHERE id = ?")
			.param(direct)
			.query(String.class)
			.single()).isEqualTo(world.partnerId() + " CO_SELL " + world.ae().userId());
	}

	@Test
	void aRejectionNeedsAReasonAndASentBackRegistrationIsResubmitted() {
		var world = this.fixtures.world("Sendback Partners");
		var registered = this.registrations.register(world.partnerUser(),
				command("Lumen Schools", "lumen-schools.org"));
		assertThatThrownBy(() -> this.registrations.reject(world.pam(), registered.id(), " "))
			.isInstanceOf(InvalidInputException.class)
			.extracting(ex -> ((InvalidInputException) ex).errors().get(0).field())
			.isEqualTo("reason");
		var sentBack = this.registrations.sendBack(world.pam(), registered.id(), "Which budget line funds this?");
		assertThat(sentBack.status()).isEqualTo(RegistrationStatus.NEEDS_INFO);
		var resubmitted = this.registrations.resubmit(world.partnerUser(), registered.id(),
				new RegistrationCommand(null, "Lumen Schools", "lumen-schools.org",
						"District IT budget 2027 funds the rollout to twelve schools", new BigDecimal("64000"), "USD",
						LocalDate.of(2027, 3, 31), null, CreditType.SOURCED));
		assertThat(resubmitted.status()).isEqualTo(RegistrationStatus.PENDING);
		this.registrations.sendBack(world.pam(), registered.id(), "And the budget owner?");
		assertThatThrownBy(() -> this.registrations.resubmit(world.partnerUser(), registered.id(),
				new RegistrationCommand(null, "Somebody Else Entirely", "somebody-else.com",
						"District IT budget 2027 funds the rollout to twelve schools", new BigDecimal("64000"), "USD",
						LocalDate.of(2027, 3, 31), null, CreditType.SOURCED)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("customer cannot change");
		// the same name with another domain names the domain (s55: it named the name)
		assertThatThrownBy(() -> this.registrations.resubmit(world.partnerUser(), registered.id(),
				new RegistrationCommand(null, "Lumen Schools", "lumen-schools.eu",
						"District IT budget 2027 funds the rollout to twelve schools", new BigDecimal("64000"), "USD",
						LocalDate.of(2027, 3, 31), null, CreditType.SOURCED)))
			.isInstanceOf(InvalidInputException.class)
			.extracting(ex -> ((InvalidInputException) ex).errors().get(0).field())
			.isEqualTo("customerDomain");
		assertThat(resubmitted.customerNeed()).startsWith("District IT budget");
		assertThatThrownBy(() -> this.registrations.approve(world.ae(), registered.id(), ApproveCommand.DEFAULTS))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void approvalSlaBreachesAreListedForThePamAndTheirManager() {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var pam = this.fixtures.user(Role.PAM, null, manager.userId());
		long partner = this.fixtures.partner("Slow Lane Partners", pam.userId());
		var partnerUser = this.fixtures.user(Role.PARTNER, partner, null);
		this.clock.set(Instant.parse("2026-11-27T16:00:00Z"));
		var registered = this.registrations.register(partnerUser, command("Tidewater Ports", "tidewater-ports.com"));
		assertThat(registered.slaDueAt()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));

		this.clock.set(Instant.parse("2026-12-01T15:00:00Z"));
		assertThat(ids(this.registrations.breaches(pam, com.trellis.shared.PageRequest.of(0, 200)).items()))
			.doesNotContain(registered.id());
		this.clock.set(Instant.parse("2026-12-01T17:00:00Z"));
		assertThat(ids(this.registrations.breaches(pam, com.trellis.shared.PageRequest.of(0, 200)).items()))
			.contains(registered.id());
		assertThat(ids(this.registrations.breaches(manager, com.trellis.shared.PageRequest.of(0, 200)).items()))
			.contains(registered.id());
		assertThat(
				ids(this.registrations.breaches(this.fixtures.user(Role.PAM), com.trellis.shared.PageRequest.of(0, 200))
					.items()))
			.doesNotContain(registered.id());
	}

	@Test
	void expiryRunTwiceExpiresOnceAndTheHeldRegistrationIsReconsidered() {
		var first = this.fixtures.world("Lapsing Partners");
		var second = this.fixtures.world("Waiting Partners");
		var lapsing = this.registrations.register(first.partnerUser(), command("Boreal Timber", "boreal-timber.ca"));
		var waiting = this.registrations.register(second.partnerUser(), command("Boreal Timber Ltd", null));
		assertThat(waiting.status()).isEqualTo(RegistrationStatus.ON_HOLD);

		this.clock.advance(Duration.ofDays(91));
		assertThat(this.registrations.expireLapsed()).isPositive();
		assertThat(this.registrations.expireLapsed()).isZero();

		assertThat(this.registrations.get(first.pam(), lapsing.id()).status()).isEqualTo(RegistrationStatus.EXPIRED);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM registration_history WHERE registration_id = ? AND to_status = 'EXPIRED'")
			.param(lapsing.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		var promoted = this.registrations.get(second.pam(), waiting.id());
		assertThat(promoted.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(promoted.protectionEndsAt()).isEqualTo(this.clock.instant().plus(Duration.ofDays(90)));
	}

	@Test
	void anApprovedRegistrationWhoseDealWasWonEndsAsWonNotExpired() {
		var world = this.fixtures.world("Closing Partners");
		var registered = this.registrations.register(world.partnerUser(),
				command("Marlin Yachts", "marlin-yachts.com"));
		var approved = this.registrations.approve(world.pam(), registered.id(),
				new ApproveCommand(world.ae().userId(), null));
		this.deals.moveStage(world.ae(), approved.opportunityId(), com.trellis.deals.Stage.REGISTERED,
				com.trellis.deals.Stage.CLOSED_WON, "won", false);
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT deal_closed_at IS NOT NULL FROM deal_registration WHERE id = ?")
				.param(registered.id())
				.query(Boolean.class)
				.single());
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM notification WHERE partner_id = ? AND kind = 'DEAL_WON'")
				.param(world.partnerId())
				.query(Long.class)
				.single() == 1);

		this.clock.advance(Duration.ofDays(120));
		this.registrations.expireLapsed();
		assertThat(this.registrations.get(world.pam(), registered.id()).status())
			.isEqualTo(RegistrationStatus.DEAL_WON);
	}

	@Test
	void aPamGrantsOneExtensionOnly() {
		var world = this.fixtures.world("Extension Partners");
		var registered = this.registrations.register(world.partnerUser(), command("Saffron Foods", "saffron-foods.in"));
		var extended = this.registrations.extend(world.pam(), registered.id());
		assertThat(extended.protectionEndsAt()).isEqualTo(registered.protectionEndsAt().plus(Duration.ofDays(30)));
		assertThatThrownBy(() -> this.registrations.extend(world.pam(), registered.id()))
			.isInstanceOf(ConflictException.class)
			.hasMessageStartingWith("extended:");

		this.clock.advance(Duration.ofDays(100));
		this.registrations.expireLapsed();
		assertThat(this.registrations.get(world.pam(), registered.id()).status()).isEqualTo(RegistrationStatus.PENDING);
	}

	@Test
	void anExtensionRewritesTheProtectionDayInTheStatusTextsThatNameIt() throws Exception {
		// s55: after an extension the partner still read "protection until" the old day,
		// and the partner held behind it "it is protected until" the old day
		var first = this.fixtures.world("Extended Text Partners");
		var second = this.fixtures.world("Extended Text Waiting Partners");
		var registered = this.registrations.register(first.partnerUser(),
				command("Quillfeather Optics", "quillfeather-optics.com"));
		new Api(this.mvc, this.fixtures.token(first.pam()))
			.post("/api/v1/registrations/" + registered.id() + "/approve",
					"{\"ownerId\": %d}".formatted(first.ae().userId()))
			.andExpect(status().isOk());
		var held = this.registrations.register(second.partnerUser(),
				command("Quillfeather Optics", "quillfeather-optics.com"));
		var before = this.calendar.dayOf(registered.protectionEndsAt());
		assertThat(held.statusReason()).contains("protected until " + before);
		var extended = this.registrations.extend(first.pam(), registered.id());
		var after = this.calendar.dayOf(extended.protectionEndsAt());
		assertThat(extended.statusReason()).contains("protection until " + after + " (extended)")
			.doesNotContain(before.toString());
		assertThat(this.registrations.get(second.pam(), held.id()).statusReason()).contains("protected until " + after)
			.doesNotContain(before.toString());
	}

	@Test
	void aPartnerListsOnlyItsOwnRegistrations() throws Exception {
		var a = this.fixtures.world("Listing Alpha");
		var b = this.fixtures.world("Listing Beta");
		this.registrations.register(a.partnerUser(), command("Aster Clinics", "aster-clinics.com"));
		var theirs = this.registrations.register(b.partnerUser(), command("Bramble Hotels", "bramble-hotels.com"));
		new Api(this.mvc, this.fixtures.token(a.partnerUser())).get("/api/v1/registrations?size=200")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].partnerId")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is((int) a.partnerId()))))
			.andExpect(jsonPath("$.items[*].customerName").value(not(org.hamcrest.Matchers.hasItem("Bramble Hotels"))));
		new Api(this.mvc, this.fixtures.token(a.partnerUser())).get("/api/v1/registrations?partnerId=" + b.partnerId())
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(a.partnerUser())).get("/api/v1/registrations/" + theirs.id() + "/history")
			.andExpect(status().isNotFound());
	}

	private static List<Long> ids(List<RegistrationView> views) {
		return views.stream().map(RegistrationView::id).toList();
	}

	static RegistrationCommand command(String customer, String domain) {
		return new RegistrationCommand(null, customer, domain, "Replace the legacy order system before Q3",
				new BigDecimal("48000.00"), "USD", LocalDate.of(2027, 4, 30), null, CreditType.SOURCED);
	}

}
