package com.trellis.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import jakarta.mail.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.client.ExpectedCount;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TrellisTest
class NotificationDeliveryTests {

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GreenMail mail;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ObjectProvider<JavaMailSender> mailSender;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	MockMvc mvc;

	/** Stands in for Slack: the dispatcher's HTTP client is bound to it. */
	MockRestServiceServer slackServer;

	final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();

	/**
	 * A dispatcher whose HTTP goes to {@link #slackServer} and whose DNS is {@link #dns}.
	 */
	NotificationDispatcher slackDispatcher;

	@BeforeEach
	void drainAndBindSlack() throws Exception {
		this.dispatcher.dispatch();
		// what other tests left waiting (a Slack host this machine cannot resolve is
		// asked
		// again later, not dropped) is not this test's to send
		this.jdbc.sql("UPDATE notification_delivery SET status = 'FAILED' WHERE status = 'PENDING'").update();
		var http = RestClient.builder();
		this.slackServer = MockRestServiceServer.bindTo(http).build();
		this.dns.put("hooks.slack.com",
				List.of(InetAddress.getByAddress("hooks.slack.com", new byte[] { 52, 1, 2, 3 })));
		this.slackDispatcher = new NotificationDispatcher(this.jdbc, this.transactions, this.mailSender, http.build(),
				host -> {
					var addresses = this.dns.get(host);
					if (addresses == null) {
						throw new UnknownHostException(host);
					}
					return addresses;
				}, this.clock, "trellis@localhost", "https://trellis.example.test");
	}

	@AfterEach
	void drain() {
		this.dispatcher.dispatch();
	}

	@Test
	void aNoticeReachesThePartnersUsersByEmailExactlyOnce() throws Exception {
		var world = this.fixtures.world("Mailed Partners");
		var email = this.fixtures.email(world.partnerUser());
		var notice = new PartnerNotice("test:mail:" + world.partnerId(), world.partnerId(), "REGISTRATION_APPROVED",
				"Registration approved: Kestrel Labs", "Your deal is open.", "/registrations/1");
		this.notifications.enqueue(notice);
		this.notifications.enqueue(notice);

		this.dispatcher.dispatch();
		this.dispatcher.dispatch();

		var messages = List.of(this.mail.getReceivedMessages())
			.stream()
			.filter(m -> recipients(m).contains(email))
			.toList();
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).getSubject()).isEqualTo("Registration approved: Kestrel Labs");
		// one id per delivery, the same if it is ever sent again (s52: a copy sent after
		// a
		// crash had a new random id, so nothing could drop it)
		long delivery = this.jdbc.sql("SELECT max(id) FROM notification_delivery WHERE recipient = :email")
			.param("email", email)
			.query(Long.class)
			.single();
		assertThat(messages.get(0).getHeader("Message-ID")).containsExactly(this.dispatcher.messageId(delivery));
		assertThat(this.dispatcher.messageId(delivery)).matches("<notification-delivery-\\d+@[A-Za-z0-9.-]+>");
		assertThat(this.notifications.inbox(world.partnerUser(), world.partnerId(), 10)).hasSize(1);
	}

	@Test
	void aFailingWebhookIsRetriedWithBackOffAndTheNoticeIsNotLost() {
		var world = this.fixtures.world("Hooked Partners");
		var hook = "https://hooks.slack.com/services/T0001/B0001/" + world.partnerId();
		this.notifications.setSlackWebhook(world.partnerId(), hook);
		this.slackServer.expect(ExpectedCount.times(2), requestTo(hook)).andRespond(withServerError());
		this.slackServer.expect(requestTo(hook))
			.andExpect(content().string(containsString("Won: Kestrel rollout")))
			.andExpect(content().string(containsString("<https://trellis.example.test/opportunities/1>")))
			.andRespond(withSuccess());
		this.notifications.enqueue(new PartnerNotice("test:hook:" + world.partnerId(), world.partnerId(), "DEAL_WON",
				"Won: Kestrel rollout", "Closed won.", "/opportunities/1"));

		this.slackDispatcher.dispatch();
		assertThat(slack(world.partnerId())).isEqualTo("PENDING 1");

		this.slackDispatcher.dispatch();
		assertThat(slack(world.partnerId())).as("not due again before its back-off").isEqualTo("PENDING 1");

		this.clock.advance(Duration.ofMinutes(2));
		this.slackDispatcher.dispatch();
		assertThat(slack(world.partnerId())).isEqualTo("PENDING 2");

		this.clock.advance(Duration.ofMinutes(6));
		this.slackDispatcher.dispatch();
		this.slackDispatcher.dispatch();
		assertThat(slack(world.partnerId())).isEqualTo("DELIVERED 3");
		this.slackServer.verify();
	}

	@Test
	void aPamCannotPointTheSlackWebhookAtTheServerItselfOrAnyOtherUrl() throws Exception {
		var world = this.fixtures.world("Hook Setters");
		var api = new Api(this.mvc, this.fixtures.token(world.pam()));
		for (var url : List.of("http://127.0.0.1:8080/actuator", "http://2130706433/", "https://example.com/hook",
				"https://hooks.slack.com/services/" + "x".repeat(3000))) {
			api.put("/api/v1/partners/" + world.partnerId() + "/slack-webhook", "{\"url\": \"" + url + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("url"));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_channel WHERE partner_id = ?")
			.param(world.partnerId())
			.query(Long.class)
			.single()).isZero();
		api.put("/api/v1/partners/" + world.partnerId() + "/slack-webhook",
				"{\"url\": \"https://hooks.slack.com/services/T1/B1/ok\"}")
			.andExpect(status().isNoContent());
	}

	@Test
	void aSlackHostThatResolvesToLoopbackAtDeliveryTimeIsRefusedAndTheReasonRecorded() throws Exception {
		var world = this.fixtures.world("Rebound Partners");
		this.notifications.setSlackWebhook(world.partnerId(), "https://hooks.slack.com/services/T2/B2/rebind");
		this.dns.put("hooks.slack.com",
				List.of(InetAddress.getByAddress("hooks.slack.com", new byte[] { 127, 0, 0, 1 })));
		this.notifications.enqueue(new PartnerNotice("test:rebind:" + world.partnerId(), world.partnerId(), "DEAL_WON",
				"Won: rebinding", "Closed won.", null));

		this.slackDispatcher.dispatch();

		this.slackServer.verify();
		assertThat(slack(world.partnerId())).isEqualTo("FAILED 1");
		assertThat(this.jdbc.sql("""
				SELECT d.last_error FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
				WHERE n.partner_id = ? AND d.channel = 'SLACK'
				""").param(world.partnerId()).query(String.class).single()).contains("refused", "hooks.slack.com",
				"loopback", "127.0.0.1");
	}

	@Test
	void aSlackHostThatDoesNotResolveForAWhileIsAskedAgainAndTheNoticeDelivered() throws Exception {
		var world = this.fixtures.world("Unresolved Partners");
		var hook = "https://hooks.slack.com/services/T3/B3/" + world.partnerId();
		this.notifications.setSlackWebhook(world.partnerId(), hook);
		this.dns.remove("hooks.slack.com");
		this.notifications.enqueue(new PartnerNotice("test:dns:" + world.partnerId(), world.partnerId(), "DEAL_WON",
				"Won: name server down", "Closed won.", null));

		this.slackDispatcher.dispatch();
		assertThat(slack(world.partnerId())).as("a name server failure is not a refusal").isEqualTo("PENDING 1");

		this.slackServer.expect(requestTo(hook)).andRespond(withSuccess());
		this.dns.put("hooks.slack.com",
				List.of(InetAddress.getByAddress("hooks.slack.com", new byte[] { 52, 1, 2, 3 })));
		this.clock.advance(Duration.ofMinutes(2));
		this.slackDispatcher.dispatch();
		assertThat(slack(world.partnerId())).isEqualTo("DELIVERED 2");
		this.slackServer.verify();
	}

	@Test
	void anOversizedWebhookUrlLeftInTheDatabaseDoesNotLoseTheInboxNotice() {
		var world = this.fixtures.world("Oversized Hook Partners");
		this.jdbc.sql("INSERT INTO partner_channel (partner_id, slack_webhook_url, updated_at) VALUES (?, ?, now())")
			.params(world.partnerId(), "https://hooks.slack.com/services/" + randomText(3000))
			.update();
		var key = "test:oversized:" + world.partnerId();
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(new PartnerNotice(key,
				world.partnerId(), "DEAL_WON", "Won: oversized hook", "Closed won.", "/opportunities/2")));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.notifications.inbox(world.partnerUser(), world.partnerId(), 50)
				.stream()
				.anyMatch(notice -> notice.subject().equals("Won: oversized hook")));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NULL")
				.param("%" + key + "%")
				.query(Long.class)
				.single()).as("the event publication completes").isZero());
	}

	@Test
	void anEmailLinksToTheRecordWithThePublicBaseUrl() throws Exception {
		var world = this.fixtures.world("Linked Partners");
		var email = this.fixtures.email(world.partnerUser());
		this.notifications
			.enqueue(new PartnerNotice("test:link:" + world.partnerId(), world.partnerId(), "REGISTRATION_APPROVED",
					"Registration approved: Linked Labs", "Your deal is open.", "/registrations/15"));

		this.dispatcher.dispatch();

		var message = List.of(this.mail.getReceivedMessages())
			.stream()
			.filter(m -> recipients(m).contains(email))
			.findFirst()
			.orElseThrow();
		assertThat(GreenMailUtil.getBody(message)).contains("https://trellis.example.test/registrations/15");
	}

	@Test
	void aPartnerReadsOnlyItsOwnInbox() {
		var a = this.fixtures.world("Inbox Alpha");
		var b = this.fixtures.world("Inbox Beta");
		this.notifications.enqueue(new PartnerNotice("test:inbox:" + b.partnerId(), b.partnerId(), "DEAL_LOST",
				"Lost: Beta deal", "Closed lost.", null));
		assertThat(this.notifications.inbox(a.partnerUser(), b.partnerId(), 10)).isEmpty();
		assertThat(this.notifications.inbox(b.partnerUser(), b.partnerId(), 10)).hasSize(1);
	}

	private String slack(long partnerId) {
		return this.jdbc
			.sql("""
					SELECT d.status || ' ' || d.attempts FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
					WHERE n.partner_id = ? AND d.channel = 'SLACK'
					""")
			.param(partnerId)
			.query(String.class)
			.single();
	}

	/** Text PostgreSQL cannot compress, as a real long URL. */
	private static String randomText(int length) {
		var letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		var random = new java.util.Random(length);
		var text = new StringBuilder();
		while (text.length() < length) {
			text.append(letters.charAt(random.nextInt(letters.length())));
		}
		return text.toString();
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
