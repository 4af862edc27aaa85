package com.trellis.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import jakarta.mail.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

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

	HttpServer receiver;

	final List<String> received = new CopyOnWriteArrayList<>();

	final AtomicInteger failuresLeft = new AtomicInteger();

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", exchange -> {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean fail = this.failuresLeft.getAndDecrement() > 0;
			if (!fail) {
				this.received.add(body);
			}
			exchange.sendResponseHeaders(fail ? 500 : 200, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
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
		assertThat(this.notifications.inbox(world.partnerUser(), world.partnerId(), 10)).hasSize(1);
	}

	@Test
	void aFailingWebhookIsRetriedWithBackOffAndTheNoticeIsNotLost() {
		var world = this.fixtures.world("Hooked Partners");
		this.notifications.setSlackWebhook(world.partnerId(),
				"http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook");
		this.failuresLeft.set(2);
		this.notifications.enqueue(new PartnerNotice("test:hook:" + world.partnerId(), world.partnerId(), "DEAL_WON",
				"Won: Kestrel rollout", "Closed won.", "/opportunities/1"));

		this.dispatcher.dispatch();
		assertThat(this.received).isEmpty();
		assertThat(slack(world.partnerId())).isEqualTo("PENDING 1");

		this.dispatcher.dispatch();
		assertThat(slack(world.partnerId())).as("not due again before its back-off").isEqualTo("PENDING 1");

		this.clock.advance(Duration.ofMinutes(2));
		this.dispatcher.dispatch();
		assertThat(slack(world.partnerId())).isEqualTo("PENDING 2");

		this.clock.advance(Duration.ofMinutes(6));
		this.dispatcher.dispatch();
		this.dispatcher.dispatch();
		assertThat(slack(world.partnerId())).isEqualTo("DELIVERED 3");
		assertThat(this.received).hasSize(1).first().asString().contains("Won: Kestrel rollout");
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

	private static List<String> recipients(Message message) {
		try {
			return List.of(message.getAllRecipients()).stream().map(Object::toString).toList();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
