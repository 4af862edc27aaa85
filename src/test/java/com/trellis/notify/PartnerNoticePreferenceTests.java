package com.trellis.notify;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.trellis.identity.Role;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import jakarta.mail.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class PartnerNoticePreferenceTests {

	@Autowired
	Notifications notifications;

	@Autowired
	PartnerNoticePreferences preferences;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GreenMail mail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	@AfterEach
	void drain() {
		this.dispatcher.dispatch();
	}

	@Test
	void aPartnerUserWhoTurnsRegistrationMailOffGetsNoneWhileAColleagueAndOtherKindsStillComeOnce() throws Exception {
		var world = this.fixtures.world("Choosy Partners");
		var quiet = world.partnerUser();
		var colleague = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		new Api(this.mvc, this.fixtures.token(quiet)).put("/api/v1/me/partner-notice-preferences", """
				{"kinds": [
				  {"kind": "REGISTRATION", "email": false, "slack": false},
				  {"kind": "PAYOUT", "email": true, "slack": false}
				]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kinds[?(@.kind == 'REGISTRATION')].email").value(false));

		var approved = new PartnerNotice("test:choosy:reg:" + world.partnerId(), world.partnerId(),
				"REGISTRATION_APPROVED", "Registration approved: Choosy Co", "Your deal is open.", "/registrations/1");
		this.notifications.enqueue(approved);
		this.notifications.enqueue(approved);
		this.notifications.enqueue(new PartnerNotice("test:choosy:payout:" + world.partnerId(), world.partnerId(),
				"PAYOUT", "Payout: Choosy Co", "Paid.", "/incentives"));
		this.dispatcher.dispatch();
		this.dispatcher.dispatch();

		assertThat(subjectsMailedTo(this.fixtures.email(quiet))).containsExactly("Payout: Choosy Co");
		assertThat(subjectsMailedTo(this.fixtures.email(colleague)))
			.containsExactlyInAnyOrder("Registration approved: Choosy Co", "Payout: Choosy Co");
		assertThat(this.notifications.inbox(quiet, world.partnerId(), 10)).extracting(Notification::subject)
			.containsExactlyInAnyOrder("Registration approved: Choosy Co", "Payout: Choosy Co");
	}

	@Test
	void aPartnerUserWithNoChoicesIsMailedEveryKindAsBeforeAndTheirOwnSlackOnlyOnceTheyNameOne() {
		var world = this.fixtures.world("Default Partners");
		assertThat(this.preferences.of(world.partnerUser()).kinds()).hasSize(PartnerNoticeKind.values().length)
			.allMatch(PartnerNoticePreferences.KindChoice::email);
		this.notifications.enqueue(new PartnerNotice("test:default:" + world.partnerId(), world.partnerId(),
				"TIER_CHANGED", "Tier changed", "Tier 2.", "/"));
		assertThat(deliveries("test:default:" + world.partnerId())).containsExactly("EMAIL");

		var all = this.preferences.of(world.partnerUser()).kinds();
		this.preferences.change(world.partnerUser(), new PartnerNoticePreferences.Preferences(all,
				"https://hooks.slack.com/services/T000/B000/" + world.partnerId()));
		this.notifications.enqueue(new PartnerNotice("test:default:slack:" + world.partnerId(), world.partnerId(),
				"TIER_CHANGED", "Tier changed again", "Tier 1.", "/"));
		assertThat(deliveries("test:default:slack:" + world.partnerId())).containsExactly("EMAIL", "SLACK");
	}

	@Test
	void aPartnerUserChangesTheirChoicesOnThePageReachedFromTheProfileAndOnlyTheirOwnChange() throws Exception {
		var world = this.fixtures.world("Profiled Partners");
		var colleague = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		var session = login(this.fixtures.email(world.partnerUser()));
		this.mvc.perform(get("/profile").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/notifications/preferences\"")));
		this.mvc.perform(get("/notifications/preferences").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A tier change")))
			.andExpect(content().string(containsString("A lead accepted or declined")));

		this.mvc
			.perform(post("/notifications/preferences").session(session)
				.with(csrf())
				.param("email", "LEAD")
				.param("email", "REGISTRATION_SUBMITTED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("unknown kind of notice: REGISTRATION_SUBMITTED")));
		// every bad field at once, and the page shows what was typed, not what is stored
		this.mvc
			.perform(post("/notifications/preferences").session(session)
				.with(csrf())
				.param("email", "BOGUS")
				.param("slack", "TIER")
				.param("slackWebhookUrl", "notaurl"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("unknown kind of notice: BOGUS")))
			.andExpect(content().string(containsString("must be an http or https URL")))
			.andExpect(content().string(containsString("value=\"notaurl\"")));
		assertThat(this.preferences.of(world.partnerUser()).kinds())
			.allMatch(PartnerNoticePreferences.KindChoice::email);

		this.mvc.perform(post("/notifications/preferences").session(session).with(csrf()).param("email", "LEAD"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.preferences.of(world.partnerUser()).kinds())
			.filteredOn(PartnerNoticePreferences.KindChoice::email)
			.extracting(PartnerNoticePreferences.KindChoice::kind)
			.containsExactly(PartnerNoticeKind.LEAD);
		assertThat(this.preferences.of(colleague).kinds()).allMatch(PartnerNoticePreferences.KindChoice::email);
	}

	@Test
	void staffCannotUseAPartnerUsersPreferencesNorAPartnerUserTheStaffsEvenWithABadBody() throws Exception {
		var world = this.fixtures.world("Guarded Partners");
		new Api(this.mvc, this.fixtures.token(world.pam()))
			.put("/api/v1/me/partner-notice-preferences", "{\"kinds\": [{\"kind\": \"NOPE\"}]}")
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.put("/api/v1/me/notice-preferences", "{\"kinds\": [{\"kind\": \"NOPE\"}]}")
			.andExpect(status().isForbidden());
		new Api(this.mvc, this.fixtures.token(world.partnerUser()))
			.put("/api/v1/me/partner-notice-preferences",
					"{\"kinds\": [], \"slackWebhookUrl\": \"http://127.0.0.1/hook\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("slackWebhookUrl"));
		assertThat(this.preferences.of(world.partnerUser()).kinds())
			.allMatch(PartnerNoticePreferences.KindChoice::email);
	}

	@Test
	void aReplacementWithoutItsListOrWithAnEmptyOrRepeatedEntryIsRefusedNamingItAndChangesNothing() throws Exception {
		// try51: {"kinds": [null]} answered 500, {} turned every channel off, a kind
		// listed
		// twice kept its first entry
		var world = this.fixtures.world("Listed Kinds Partners");
		var staff = new Api(this.mvc, this.fixtures.token(world.pam()));
		var partner = new Api(this.mvc, this.fixtures.token(world.partnerUser()));
		for (var api : List.of(staff, partner)) {
			var path = api == staff ? "/api/v1/me/notice-preferences" : "/api/v1/me/partner-notice-preferences";
			var before = api.get(path).andReturn().getResponse().getContentAsString();
			var kind = api == staff ? "LEAD_TO_ROUTE" : "PAYOUT";
			api.put(path, "{\"kinds\": [null]}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("kinds[0]"));
			for (var body : List.of("{}", "{\"kinds\": null}")) {
				api.put(path, body)
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.errors[0].field").value("kinds"));
			}
			api.put(path,
					"{\"kinds\": [{\"email\": true, \"slack\": false}, {\"kind\": \"" + kind
							+ "\", \"email\": false, \"slack\": false}, {\"kind\": \"" + kind
							+ "\", \"email\": true, \"slack\": true}], \"slackWebhookUrl\": \"http://127.0.0.1/hook\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field")
					.value(org.hamcrest.Matchers.contains("kinds[0].kind", "kinds[2].kind", "slackWebhookUrl")))
				.andExpect(jsonPath("$.errors[1].message").value(org.hamcrest.Matchers.containsString("listed twice")));
			assertThat(api.get(path).andReturn().getResponse().getContentAsString()).isEqualTo(before);
		}
	}

	private List<String> subjectsMailedTo(String email) {
		return List.of(this.mail.getReceivedMessages())
			.stream()
			.filter(m -> recipients(m).contains(email))
			.map(PartnerNoticePreferenceTests::subject)
			.toList();
	}

	private List<String> deliveries(String key) {
		return this.jdbc.sql("""
				SELECT d.channel FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.notice_key = ? ORDER BY d.channel
				""").param(key).query(String.class).list();
	}

	private MockHttpSession login(String email) throws Exception {
		var result = this.mvc.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private static String subject(Message message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> recipients(Message message) {
		try {
			return List.of(message.getAllRecipients()).stream().map(Object::toString).toList();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
