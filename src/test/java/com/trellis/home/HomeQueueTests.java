package com.trellis.home;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.deals.CreditType;
import com.trellis.deals.DealFilter;
import com.trellis.deals.Deals;
import com.trellis.identity.Role;
import com.trellis.registration.ApproveCommand;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.RegistrationFilter;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.Registrations;
import com.trellis.shared.PageRequest;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@TrellisTest
class HomeQueueTests {

	@Autowired
	Deals deals;

	@Autowired
	Registrations registrations;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aRepsOpenDealsAreListedClosingSoonestFirstAndTheHomePageShowsThemSo() throws Exception {
		var world = this.fixtures.world("Soonest Partners");
		long later = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00");
		long soonest = this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00");
		closeOn(world.dealId(), "2027-06-30", "Middle close deal");
		closeOn(later, "2027-12-31", "Furthest close deal");
		closeOn(soonest, "2027-01-15", "Soonest close deal");

		var open = new DealFilter(null, null, true, null, null, null, null);
		var listed = this.deals.searchOwnedBy(world.ae(), java.util.List.of(world.ae().userId()), open,
				PageRequest.of(0, 10));
		assertThat(listed.items()).extracting(d -> d.name())
			.containsExactly("Soonest close deal", "Middle close deal", "Furthest close deal");

		var page = page("/", this.fixtures.email(world.ae()));
		assertThat(page.indexOf("Soonest close deal")).isPositive().isLessThan(page.indexOf("Furthest close deal"));
		assertThat(page).contains("id=\"queue-leads-due\"");
	}

	@Test
	void thePamsHomeLeadsWithRegistrationsToDecideTheOldestDeadlineFirst() throws Exception {
		var world = this.fixtures.world("Queued Partners");
		this.registrations.register(world.partnerUser(), command("Older Deadline Freight", "older-deadline.com"));
		this.clock.advance(java.time.Duration.ofDays(1));
		this.registrations.register(world.partnerUser(), command("Newer Deadline Freight", "newer-deadline.com"));

		var page = page("/", this.fixtures.email(world.pam()));
		assertThat(page).contains("id=\"work-queue\"", "id=\"queue-leads\"", "id=\"queue-disputes\"",
				"id=\"queue-mdf\"");
		assertThat(page.indexOf("Older Deadline Freight")).isPositive()
			.isLessThan(page.indexOf("Newer Deadline Freight"));
	}

	@Test
	void theAdminsHomeRunsTheProgramsQueuesWhileTheExecutivesShowsOutcomes() throws Exception {
		var admin = this.fixtures.user(Role.ADMIN);
		var executive = this.fixtures.user(Role.EXECUTIVE);
		assertThat(page("/", this.fixtures.email(admin))).contains("id=\"work-queue\"");
		assertThat(page("/", this.fixtures.email(executive))).doesNotContain("id=\"work-queue\"");
	}

	@Test
	void theAdminsHomeShowsTheProgramsApprovalSlaBreaches() throws Exception {
		var world = this.fixtures.world("Breaching Partners");
		this.registrations.register(world.partnerUser(), command("Overdue Decision Freight", "overdue-decision.com"));
		this.clock.advance(java.time.Duration.ofDays(30));
		var admin = this.fixtures.user(Role.ADMIN);
		long breaches = this.registrations.breaches(admin, com.trellis.shared.PageRequest.of(0, 1)).total();
		var matcher = java.util.regex.Pattern.compile("id=\"sla-breaches\"[^>]*>([^<]*)<")
			.matcher(page("/", this.fixtures.email(admin)));
		assertThat(breaches).as("breaches of the program").isPositive();
		assertThat(matcher.find()).as("the admin's home shows the SLA breaches").isTrue();
		assertThat(matcher.group(1)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", breaches));
		assertThat(page("/", this.fixtures.email(this.fixtures.user(Role.EXECUTIVE))))
			.doesNotContain("id=\"sla-breaches\"");
	}

	@Test
	void thePortalCountsAPartnersRegistrationsPerStatusAsASearchPerStatusWould() throws Exception {
		var world = this.fixtures.world("Status Count Partners");
		var other = this.fixtures.world("Status Count Others");
		var approved = this.registrations.register(world.partnerUser(),
				command("Approved Count Freight", "approved-count.com"));
		this.registrations.approve(world.pam(), approved.id(), new ApproveCommand(world.ae().userId(), null));
		var rejected = this.registrations.register(world.partnerUser(),
				command("Rejected Count Freight", "rejected-count.com"));
		this.registrations.reject(world.pam(), rejected.id(), "not a fit");
		this.registrations.register(world.partnerUser(), command("Pending Count Freight", "pending-count.com"));
		this.registrations.register(other.partnerUser(), command("Other Count Freight", "other-count.com"));

		var admin = this.fixtures.user(Role.ADMIN);
		for (var viewer : java.util.List.of(world.partnerUser(), admin)) {
			var counts = this.registrations.countByStatus(viewer, world.partnerId());
			for (var status : RegistrationStatus.values()) {
				long searched = this.registrations
					.search(viewer, new RegistrationFilter(status, world.partnerId(), false, false),
							PageRequest.of(0, 1))
					.total();
				assertThat(counts.getOrDefault(status, 0L)).as("%s registrations", status).isEqualTo(searched);
			}
			assertThat(counts).containsEntry(RegistrationStatus.APPROVED, 1L)
				.containsEntry(RegistrationStatus.REJECTED, 1L)
				.containsKey(RegistrationStatus.PENDING);
		}
		// a partner user never counts another partner's registrations
		assertThat(this.registrations.countByStatus(world.partnerUser(), other.partnerId())).isEmpty();
		var portal = page("/portal", this.fixtures.email(world.partnerUser()));
		assertThat(portal)
			.contains("/registrations?status=APPROVED", "/registrations?status=REJECTED",
					"/registrations?status=PENDING")
			.doesNotContain("/registrations?status=WITHDRAWN");
	}

	private void closeOn(long deal, String day, String name) {
		this.jdbc.sql("UPDATE opportunity SET close_date = ?, name = ? WHERE id = ?")
			.params(LocalDate.parse(day), name, deal)
			.update();
	}

	private static RegistrationCommand command(String customer, String domain) {
		return new RegistrationCommand(null, customer, domain, "Replace the dispatch system",
				new BigDecimal("40000.00"), "USD", LocalDate.of(2027, 4, 30), null, CreditType.SOURCED);
	}

	private String page(String url, String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn();
		var session = (MockHttpSession) result.getRequest().getSession(false);
		return this.mvc.perform(get(url).session(session)).andReturn().getResponse().getContentAsString();
	}

}
