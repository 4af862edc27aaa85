package com.trellis.leads;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.adoption.Adoption;
import com.trellis.deals.CreditType;
import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.metrics.Period;
import com.trellis.notify.Notifications;
import com.trellis.registration.Registrations;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class LeadTests {

	private static final Period Q4 = Period.until(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1));

	@Autowired
	Leads leads;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Autowired
	Adoption adoption;

	@Autowired
	Deals deals;

	@Autowired
	Registrations registrations;

	@Autowired
	Notifications notifications;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aLeadGoesToTheAccountOwnerIsFollowedUpAcceptedAsADealAndCountsForTheRep() {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var rep = this.fixtures.user(Role.AE, null, manager.userId());
		this.jdbc.sql("UPDATE app_user SET team = 'Lead Team' WHERE id IN (?, ?)")
			.params(rep.userId(), manager.userId())
			.update();
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Lead Partner", pam.userId());
		var partnerUser = this.fixtures.user(Role.PARTNER, partner, null);
		long account = this.fixtures.account("Lead Match Co", "leadmatch-test.com", rep.userId());
		// Sunday 2026-11-22 12:00: two business days run from Monday midnight
		var first = this.leads.submit(partnerUser, lead("Lead Match", "www.leadmatch-test.com"));
		assertThat(first.status()).isEqualTo(LeadStatus.ROUTED);
		assertThat(first.repId()).isEqualTo(rep.userId());
		assertThat(first.accountId()).isNull();
		assertThat(first.routingReason()).isEqualTo("With an account executive");
		var internal = this.leads.get(manager, first.id());
		assertThat(internal.accountId()).isEqualTo(account);
		assertThat(internal.routingReason()).isEqualTo(
				"Routed to the owner of account Lead Match Co, which matches by same registrable domain leadmatch-test.com");
		assertThat(internal.followUpDueAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));

		var unknown = this.leads.submit(partnerUser, lead("Nowhere Known Labs", null));
		assertThat(unknown.status()).isEqualTo(LeadStatus.SUBMITTED);
		assertThatThrownBy(() -> this.leads.route(this.fixtures.user(Role.PAM), unknown.id(), rep.userId()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.leads.route(pam, unknown.id(), pam.userId())).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("repId"));
		var second = this.leads.route(pam, unknown.id(), rep.userId());
		assertThat(second.status()).isEqualTo(LeadStatus.ROUTED);
		var third = this.leads.submit(partnerUser, lead("Lead Match Co", null));
		var fourth = this.leads.submit(partnerUser, lead("Lead Match Co.", "leadmatch-test.com"));
		assertThatThrownBy(() -> this.leads.followUp(this.fixtures.user(Role.AE), first.id(), null))
			.isInstanceOf(NotFoundException.class);

		this.clock.set(Instant.parse("2026-11-24T10:00:00Z"));
		assertThat(this.leads.followUp(rep, first.id(), "Intro call booked").followUp()).isEqualTo("IN_TIME");
		assertThatThrownBy(
				() -> this.leads.followUp(rep, first.id(), "A second call"))
			.isInstanceOfSatisfying(com.trellis.shared.ConflictException.class,
					ex -> assertThat(java.util.List.of(ex.field() + ": " + ex.reason()))
						// the moment in the business zone, as the lead's pages show it
						// (was a raw instant)
						.containsExactly("followedUpAt: the first follow-up was recorded already, on "
								+ java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm")
									.format(Instant.parse("2026-11-24T10:00:00Z").atZone(this.calendar.zone()))
								+ " (" + this.calendar.zone().getId() + ")"));
		assertThatThrownBy(() -> this.leads.decline(rep, second.id(), " ")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("reason"));
		assertThat(this.leads.decline(rep, second.id(), "No budget this year").followUp()).isEqualTo("NOT_NEEDED");
		assertThatThrownBy(() -> this.leads.accept(rep, first.id(),
				new AcceptCommand(true, null, null, "USD", LocalDate.of(2027, 3, 31))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("amount"));
		// a deal's details without a deal to open are named, not dropped
		assertThatThrownBy(() -> this.leads.accept(rep, first.id(),
				new AcceptCommand(false, null, new BigDecimal("1000"), "USD", LocalDate.of(2027, 3, 31))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.errors()).extracting(e -> e.field()).containsExactly("amount", "closeDate"));
		assertThatThrownBy(() -> this.leads.accept(partnerUser, first.id(), AcceptCommand.ONLY_ACCEPT))
			.isInstanceOf(AccessDeniedException.class);
		var accepted = this.leads.accept(rep, first.id(),
				new AcceptCommand(true, null, new BigDecimal("50000.00"), "USD", LocalDate.of(2027, 3, 31)));
		assertThat(accepted.status()).isEqualTo(LeadStatus.ACCEPTED);
		var deal = this.deals.get(partnerUser, accepted.opportunityId());
		assertThat(deal.accountId()).isEqualTo(account);
		assertThat(deal.ownerId()).isEqualTo(rep.userId());
		assertThat(deal.creditType()).isEqualTo(CreditType.SOURCED);
		assertThat(deal.partnerShare()).isEqualByComparingTo(this.registrations.rules().shareFor(CreditType.SOURCED));
		assertThat(deal.name()).isEqualTo("Lead Match – partner lead");
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.notifications.inbox(partnerUser, partner, 10)
				.stream()
				.map(n -> n.subject())
				.toList()
				.containsAll(java.util.List.of("Lead accepted: Lead Match", "Lead declined: Nowhere Known Labs")));

		this.clock.set(Instant.parse("2026-11-26T09:00:00Z"));
		assertThat(this.leads.followUp(manager, third.id(), "MEETING", null).followUp()).isEqualTo("LATE");
		assertThat(this.leads.get(rep, fourth.id()).followUp()).isEqualTo("OVERDUE");

		// four received, one accepted; follow-up due on three (the declined lead is left
		// out), one of them in time
		var figures = this.adoption.reps(manager, Q4)
			.stream()
			.filter(r -> r.repId() == rep.userId())
			.findFirst()
			.orElseThrow()
			.leads();
		assertThat(figures.received()).isEqualTo(4);
		assertThat(figures.accepted()).isEqualTo(1);
		assertThat(figures.acceptedShare()).isEqualByComparingTo("25.0");
		assertThat(figures.followUpDue()).isEqualTo(3);
		assertThat(figures.followedUpInTime()).isEqualTo(1);
		assertThat(figures.inTimeShare()).isEqualByComparingTo("33.3");
		assertThat(this.adoption.teams(manager, Q4)).singleElement().satisfies(team -> {
			assertThat(team.team()).isEqualTo("Lead Team");
			assertThat(team.leads().received()).isEqualTo(4);
			assertThat(team.leads().followedUpInTime()).isEqualTo(1);
		});
		var nextQuarter = Period.until(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1));
		assertThat(this.adoption.reps(rep, nextQuarter).get(0).leads().received()).isZero();
	}

	@Test
	void eachRoleSeesOnlyItsLeads() {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Lead Scope A", pam.userId());
		long other = this.fixtures.partner("Lead Scope B", this.fixtures.user(Role.PAM).userId());
		var userOfA = this.fixtures.user(Role.PARTNER, partner, null);
		var userOfB = this.fixtures.user(Role.PARTNER, other, null);
		var lead = this.leads.submit(userOfA, lead("Scope Customer " + System.nanoTime(), null));
		this.leads.submit(userOfB, lead("Scope Other " + System.nanoTime(), null));
		assertThat(this.leads.search(userOfA, null, com.trellis.shared.PageRequest.of(0, 200)).items())
			.extracting(LeadView::partnerId)
			.containsOnly(partner);
		assertThatThrownBy(() -> this.leads.get(userOfB, lead.id())).isInstanceOf(NotFoundException.class);
		assertThat(this.leads.search(pam, null, com.trellis.shared.PageRequest.of(0, 200)).items())
			.extracting(LeadView::partnerId)
			.containsOnly(partner);
		assertThatThrownBy(() -> this.leads.get(this.fixtures.user(Role.AE), lead.id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(
				() -> this.leads.submit(pam, new LeadCommand(other, "Not my partner's", null, "Jo", null, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.leads.submit(this.fixtures.user(Role.AE), lead("Rep lead", null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.leads.get(this.fixtures.user(Role.EXECUTIVE), lead.id()).companyName())
			.startsWith("Scope Customer");
	}

	@Test
	void badInputIsAProblemNamingEachField() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Lead Problem", pam.userId());
		var api = new Api(this.mvc, this.fixtures.token(this.fixtures.user(Role.PARTNER, partner, null)));
		api.post("/api/v1/leads", "{\"companyDomain\": \"not a domain\", \"contactEmail\": \"nobody\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("companyName", "contactName", "contactEmail")));
		api.post("/api/v1/leads",
				"{\"companyName\": \"Problem Co\", \"companyDomain\": \"not a domain\", \"contactName\": \"Jo\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("companyDomain")));
		api.post("/api/v1/leads", "{\"companyName\": \"Problem Co\", \"contactName\": \"Jo\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.partnerId").value(partner));
		var pamApi = new Api(this.mvc, this.fixtures.token(pam));
		pamApi.post("/api/v1/leads", "{\"companyName\": \"Problem Co\", \"contactName\": \"Jo\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("partnerId")));
	}

	private static LeadCommand lead(String company, String domain) {
		return new LeadCommand(null, company, domain, "Jo Buyer", "jo@example.com", "Evaluating this quarter");
	}

}
