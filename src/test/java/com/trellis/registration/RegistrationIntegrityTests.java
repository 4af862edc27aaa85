package com.trellis.registration;

import java.time.Duration;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.process.SalesProcess;
import com.trellis.shared.ConflictException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Never two partners protected on one customer, and a PAM acts only for their own book.
 */
@TrellisTest
class RegistrationIntegrityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SalesProcess process;

	@Autowired
	AuditLog audit;

	@Test
	void anApprovedRegistrationIsNotWithdrawnAndTheHeldOneStaysHeld() throws Exception {
		var a = this.fixtures.world("Approved Withdrawing Partners");
		var b = this.fixtures.world("Approved Waiting Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Tamarind Optics", null));
		var held = this.registrations.register(b.partnerUser(), RegistrationTests.command("Tamarind Optics", null));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));

		new Api(this.mvc, this.fixtures.token(a.partnerUser()))
			.post("/api/v1/registrations/" + first.id() + "/withdraw", "")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("approved")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("deal")));

		assertThat(this.registrations.get(a.pam(), first.id()).status()).isEqualTo(RegistrationStatus.APPROVED);
		assertThat(this.registrations.get(b.pam(), held.id()).status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThatThrownBy(
				() -> this.registrations.approve(b.pam(), held.id(), new ApproveCommand(b.ae().userId(), null)))
			.isInstanceOf(ConflictException.class);
		assertThat(openPartnerDeals(approved.accountId())).isEqualTo(1);
	}

	@Test
	void whenTheApprovedRegistrationsDealIsLostItsProtectionEndsAndTheHeldOneIsDecidedAgain() {
		var a = this.fixtures.world("Lost Deal Approved Partners");
		var b = this.fixtures.world("Lost Deal Waiting Partners");
		var first = this.registrations.register(a.partnerUser(), RegistrationTests.command("Quillon Aerospace", null));
		var held = this.registrations.register(b.partnerUser(), RegistrationTests.command("Quillon Aerospace", null));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));

		this.process.disqualify(a.pam(), approved.opportunityId(), "The customer chose another vendor");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(b.pam(), held.id()).status() == RegistrationStatus.PENDING);
		var ended = this.registrations.get(a.pam(), first.id());
		assertThat(ended.status()).isEqualTo(RegistrationStatus.DEAL_LOST);
		assertThat(ended.status().protects()).isFalse();
		assertThat(this.registrations.history(a.pam(), first.id()))
			.anyMatch(entry -> entry.to() == RegistrationStatus.DEAL_LOST && entry.reason().contains("lost"));
		assertThat(this.audit.history("deal-registration", first.id()))
			.anyMatch(entry -> entry.action().contains("closed lost") && entry.after().contains("DEAL_LOST"));
		var second = this.registrations.approve(b.pam(), held.id(), new ApproveCommand(b.ae().userId(), null));
		assertThat(second.status()).isEqualTo(RegistrationStatus.APPROVED);
		// the lost deal is closed: one open partner deal on the customer, the new one
		long open = openPartnerDeals(approved.accountId())
				+ (second.accountId() == approved.accountId() ? 0 : openPartnerDeals(second.accountId()));
		assertThat(open).isEqualTo(1);
	}

	@Test
	void aRegistrationHeldByAnOpenPartnerDealIsDecidedAgainWhenThatDealCloses() {
		var b = this.fixtures.world("Deal Held Partners");
		var other = this.fixtures.world("Deal Closing Partners");
		long account = this.fixtures.account("Vantablack Coatings", "vantablack-coatings.com", other.ae().userId());
		long deal = this.fixtures.partnerDeal(account, other.ae().userId(), other.partnerId(), "70000.00");
		var held = this.registrations.register(b.partnerUser(),
				RegistrationTests.command("Vantablack Coatings", "vantablack-coatings.com"));
		assertThat(held.status()).isEqualTo(RegistrationStatus.ON_HOLD);

		this.process.disqualify(other.ae(), deal, "No budget this year");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.registrations.get(b.pam(), held.id()).status() == RegistrationStatus.PENDING);
		assertThat(openPartnerDeals(account)).isZero();
	}

	@Test
	void whenAnApprovedRegistrationLapsesWithItsDealOpenTheHeldOneGetsNoProtection() {
		var a = this.fixtures.world("Lapsing Approved Partners");
		var b = this.fixtures.world("Lapsing Held Partners");
		var first = this.registrations.register(a.partnerUser(),
				RegistrationTests.command("Obsidian Turbines", "obsidian-turbines.com"));
		var held = this.registrations.register(b.partnerUser(), RegistrationTests.command("Obsidian Turbines", null));
		var approved = this.registrations.approve(a.pam(), first.id(), new ApproveCommand(a.ae().userId(), null));

		this.clock.advance(Duration.ofDays(91));
		assertThat(this.registrations.expireLapsed()).isPositive();

		assertThat(this.registrations.get(a.pam(), first.id()).status()).isEqualTo(RegistrationStatus.EXPIRED);
		var after = this.registrations.get(b.pam(), held.id());
		assertThat(after.status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThatThrownBy(
				() -> this.registrations.approve(b.pam(), held.id(), new ApproveCommand(b.ae().userId(), null)))
			.isInstanceOf(ConflictException.class);
		assertThat(openPartnerDeals(approved.accountId())).isEqualTo(1);
	}

	@Test
	void aHeldRegistrationPromotedOnRejectionIsCheckedAgainstOpenPartnerDeals() {
		var a = this.fixtures.world("Rejected Ahead Partners");
		var b = this.fixtures.world("Promoted Behind Partners");
		var other = this.fixtures.world("Deal Holding Partners");
		var ahead = this.registrations.register(a.partnerUser(), RegistrationTests.command("Helion Genomics", null));
		assertThat(ahead.status()).isEqualTo(RegistrationStatus.PENDING);
		this.clock.advance(Duration.ofMinutes(1));
		// a later partner deal on an account that matches b's registration by domain, not
		// a's by name: b is held behind a, the earlier claim
		long account = this.fixtures.account("Helion Corporate Holdings", "helion-genomics.com", other.ae().userId());
		this.fixtures.partnerDeal(account, other.ae().userId(), other.partnerId(), "90000.00");
		var behind = this.registrations.register(b.partnerUser(),
				RegistrationTests.command("Helion Genomics", "helion-genomics.com"));
		assertThat(behind.status()).isEqualTo(RegistrationStatus.ON_HOLD);

		this.registrations.reject(a.pam(), ahead.id(), "Not a qualified opportunity");

		assertThat(this.registrations.get(b.pam(), behind.id()).status()).isEqualTo(RegistrationStatus.ON_HOLD);
		assertThat(openPartnerDeals(account)).isEqualTo(1);
	}

	@Test
	void anExpiredRegistrationIsNotExtendedBackToLife() {
		var world = this.fixtures.world("Expired Extension Partners");
		var lapsed = this.registrations.register(world.partnerUser(),
				RegistrationTests.command("Quillfeather Paper", "quillfeather.com"));
		this.clock.advance(Duration.ofDays(91));
		this.registrations.expireLapsed();
		assertThatThrownBy(() -> this.registrations.extend(world.pam(), lapsed.id()))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("expired");
	}

	@Test
	void aPamRegistersDealsOnlyForThePartnersOfTheirBookThroughTheApi() throws Exception {
		var mine = this.fixtures.world("Own Book Partners");
		var theirs = this.fixtures.world("Other Book Partners");
		long before = this.fixtures.count("deal_registration");
		var pam = new Api(this.mvc, this.fixtures.token(mine.pam()));
		pam.post("/api/v1/registrations", body("Juniper Orchards", theirs.partnerId()))
			.andExpect(status().isForbidden());
		// even a bad body is refused for the book before it is validated
		pam.post("/api/v1/registrations", "{\"partnerId\": " + theirs.partnerId() + "}")
			.andExpect(status().isForbidden());
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);

		pam.post("/api/v1/registrations", body("Juniper Orchards", mine.partnerId())).andExpect(status().isCreated());
		new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.ADMIN)))
			.post("/api/v1/registrations", body("Larkspur Vineyards", theirs.partnerId()))
			.andExpect(status().isCreated());
	}

	@Test
	void aPamRegistersDealsOnlyForThePartnersOfTheirBookThroughThePage() throws Exception {
		var mine = this.fixtures.world("Own Page Book Partners");
		var theirs = this.fixtures.world("Other Page Book Partners");
		long before = this.fixtures.count("deal_registration");
		var session = login(mine.pam());
		this.mvc.perform(form(session, "Wisteria Ceramics", theirs.partnerId())).andExpect(status().isForbidden());
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);

		this.mvc.perform(form(session, "Wisteria Ceramics", mine.partnerId())).andExpect(status().is3xxRedirection());
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before + 1);
	}

	@Test
	void aFieldTheFormDoesNotShowIsNamedAtItsTop() throws Exception {
		// s57, try72: an accountId added to a partner's form was refused as "each is
		// marked below" with nothing marked
		var world = this.fixtures.world("Hidden Field Partners");
		long before = this.fixtures.count("deal_registration");
		var html = this.mvc
			.perform(form(login(world.partnerUser()), "Hidden Field Customer", world.partnerId()).param("accountId",
					Long.toString(world.accountId())))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"form-errors-elsewhere\"")
			.contains("accountId: partner users name the customer instead of picking an account");
		assertThat(this.fixtures.count("deal_registration")).isEqualTo(before);
	}

	private long openPartnerDeals(long accountId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM opportunity WHERE account_id = ? AND partner_id IS NOT NULL
				   AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				""").param(accountId).query(Long.class).single();
	}

	private static String body(String customer, long partnerId) {
		return """
				{"customerName": "%s", "customerNeed": "Replace the legacy order system before Q3", "amount": 48000.00,
				 "currency": "USD", "expectedCloseDate": "2027-04-30", "partnerId": %d, "creditType": "SOURCED"}
				""".formatted(customer, partnerId);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(MockHttpSession session,
			String customer, long partnerId) {
		return post("/registrations").session(session)
			.with(csrf())
			.param("customerName", customer)
			.param("customerNeed", "Replace the legacy order system before Q3")
			.param("amount", "48000.00")
			.param("currency", "USD")
			.param("expectedCloseDate", "2027-04-30")
			.param("partnerId", Long.toString(partnerId))
			.param("creditType", "SOURCED");
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
