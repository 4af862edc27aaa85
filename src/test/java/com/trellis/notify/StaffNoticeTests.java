package com.trellis.notify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.trellis.credit.CreditDisputes;
import com.trellis.credit.RaiseDispute;
import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.incentives.MarketDevelopmentFunds;
import com.trellis.incentives.MdfCommand;
import com.trellis.leads.LeadCommand;
import com.trellis.leads.Leads;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class StaffNoticeTests {

	@Autowired
	StaffNotices notices;

	@Autowired
	NoticePreferences preferences;

	@Autowired
	Registrations registrations;

	@Autowired
	Leads leads;

	@Autowired
	CreditDisputes disputes;

	@Autowired
	MarketDevelopmentFunds mdf;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void thePamHearsOfARegistrationALeadToRouteACreditDisputeAndAnMdfRequestAndTheRepOfALeadRoutedToThem() {
		var manager = this.fixtures.user(Role.SALES_MANAGER);
		var world = this.fixtures.world("Noticed Partners");
		this.jdbc.sql("UPDATE app_user SET manager_id = ? WHERE id = ?")
			.params(manager.userId(), world.ae().userId())
			.update();

		this.registrations.register(world.partnerUser(),
				new RegistrationCommand(null, "Quillon Freight", "quillon-freight.com", "Replace the dispatch system",
						new BigDecimal("40000.00"), "USD", LocalDate.of(2027, 4, 30), null, CreditType.SOURCED));
		var lead = this.leads.submit(world.partnerUser(), new LeadCommand(null, "Unmatched Voxel Works", null,
				"Jo Buyer", "jo@example.com", "Evaluating this quarter"));
		this.disputes.raise(world.partnerUser(), world.dealId(),
				new RaiseDispute(CreditType.INFLUENCED, new BigDecimal("10"), "We brought this customer"));
		this.mdf.request(world.partnerUser(), world.partnerId(), new MdfCommand("Joint webinar for logistics CIOs",
				new BigDecimal("5000.00"), "USD", new BigDecimal("80000"), new BigDecimal("2000")));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(subjects(world.pam())).containsExactlyInAnyOrder(
					"Registration to decide: Quillon Freight", "Lead to route: Unmatched Voxel Works",
					"Credit dispute on " + dealName(world.dealId()),
					"MDF request to decide: Joint webinar for logistics CIOs"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(subjects(manager))
				.containsExactly("Credit dispute on " + dealName(world.dealId())));
		assertThat(this.notices.unread(world.pam())).isEqualTo(4);

		this.leads.route(world.pam(), lead.id(), world.ae().userId());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.notices.inbox(world.ae(), 10)).singleElement().satisfies(n -> {
				assertThat(n.subject()).isEqualTo("Lead routed to you: Unmatched Voxel Works");
				assertThat(n.body()).contains("Follow up by");
				assertThat(n.link()).isEqualTo("/leads/" + lead.id());
			}));
		assertThat(this.notices.inbox(world.partnerUser(), 10)).isEmpty();
	}

	@Test
	void aRedeliveredNoticeReachesTheInboxAndTheMailOnceAndOnlyByTheChannelsTheUserKeeps() {
		var pam = this.fixtures.user(Role.PAM);
		var notice = new StaffNotice("test:staff:" + pam.userId(), pam.userId(), StaffNoticeKind.LEAD_TO_ROUTE,
				"Lead to route: Once Only", "Pick the rep.", "/leads/1");
		this.notices.enqueue(notice);
		this.notices.enqueue(notice);
		assertThat(subjects(pam)).containsExactly("Lead to route: Once Only");
		assertThat(deliveries("test:staff:" + pam.userId())).containsExactly("EMAIL");

		var choices = this.preferences.of(pam)
			.kinds()
			.stream()
			.map(k -> k.kind() == StaffNoticeKind.LEAD_TO_ROUTE
					? new NoticePreferences.KindChoice(k.kind(), false, true) : k)
			.toList();
		this.preferences.change(pam,
				new NoticePreferences.Preferences(choices, "https://hooks.slack.com/services/T000/B000/XXXX"));
		this.notices.enqueue(new StaffNotice("test:staff:slack:" + pam.userId(), pam.userId(),
				StaffNoticeKind.LEAD_TO_ROUTE, "Lead to route: By Slack", "Pick the rep.", "/leads/2"));
		assertThat(deliveries("test:staff:slack:" + pam.userId())).containsExactly("SLACK");
	}

	@Test
	void vendorStaffSeeTheirUnreadCountInTheNavigationAndTheirNoticesInTheInbox() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		this.notices.enqueue(new StaffNotice("test:nav:" + pam.userId(), pam.userId(),
				StaffNoticeKind.REGISTRATION_SUBMITTED, "Registration to decide: Navvy Co", "Decide it.", "/"));
		var session = login(this.fixtures.email(pam));

		this.mvc.perform(get("/").session(session))
			.andExpect(content().string(containsString("id=\"nav-inbox\"")))
			.andExpect(content().string(containsString("class=\"unread-count\"")));
		this.mvc.perform(get("/notifications").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Registration to decide: Navvy Co")));
		this.mvc.perform(get("/").session(session))
			.andExpect(content().string(containsString("id=\"nav-inbox\"")))
			.andExpect(content().string(not(containsString("class=\"unread-count\""))));
	}

	@Test
	void aSlackUrlThatIsNotASlackWebhookIsRefusedNamingTheFieldOnPageAndApi() throws Exception {
		var ae = this.fixtures.user(Role.AE);
		var session = login(this.fixtures.email(ae));
		this.mvc
			.perform(post("/notifications/preferences").session(session)
				.with(csrf())
				.param("email", "LEAD_ROUTED")
				.param("slackWebhookUrl", "http://127.0.0.1/hook"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("<small class=\"error\">")));
		var api = new com.trellis.support.Api(this.mvc, this.fixtures.token(ae));
		api.put("/api/v1/me/notice-preferences", "{\"kinds\": [], \"slackWebhookUrl\": \"https://example.com/x\"}")
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
				.value("slackWebhookUrl"));
		assertThat(this.preferences.of(ae).kinds()).allMatch(k -> k.email() && k.slack());

		this.mvc.perform(post("/notifications/preferences").session(session).with(csrf()).param("email", "LEAD_ROUTED"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.preferences.of(ae).kinds()).filteredOn(NoticePreferences.KindChoice::email)
			.extracting(NoticePreferences.KindChoice::kind)
			.containsExactly(StaffNoticeKind.LEAD_ROUTED);
	}

	private List<String> subjects(Viewer viewer) {
		return this.notices.inbox(viewer, 20).stream().map(Notification::subject).toList();
	}

	private List<String> deliveries(String key) {
		return this.jdbc.sql("""
				SELECT d.channel FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.notice_key = ? ORDER BY d.channel
				""").param(key).query(String.class).list();
	}

	private String dealName(long dealId) {
		return this.jdbc.sql("SELECT name FROM opportunity WHERE id = ?").param(dealId).query(String.class).single();
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
