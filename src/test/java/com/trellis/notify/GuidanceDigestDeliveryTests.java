package com.trellis.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import com.trellis.guidance.Guidance;
import com.trellis.guidance.GuidanceDigests;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.GuidanceRunTest;
import com.trellis.support.OwnGuidanceWeeks;
import com.trellis.support.TestClock;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly digest leaves through the outbox: by e-mail to a real SMTP server and to a
 * real HTTP receiver standing in for Slack, each once, and only by the channels the
 * person keeps on for digests.
 */
@GuidanceRunTest
class GuidanceDigestDeliveryTests {

	private static final String SLACK = "https://hooks.slack.com/services/T0DIGEST/B0DIGEST/";

	@Autowired
	Guidance guidance;

	@Autowired
	GuidanceDigests digests;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	NoticePreferences preferences;

	@Autowired
	PartnerNoticePreferences partnerPreferences;

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

	@RegisterExtension
	final OwnGuidanceWeeks weeks = new OwnGuidanceWeeks();

	HttpServer slack;

	final List<String> slackBodies = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		this.dispatcher.dispatch();
		// what other tests left waiting (a Slack host this machine cannot resolve is
		// asked
		// again later, not dropped) is not this test's to send
		this.jdbc.sql("UPDATE notification_delivery SET status = 'FAILED' WHERE status = 'PENDING'").update();
		this.slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.slack.createContext("/", exchange -> {
			this.slackBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.slack.start();
	}

	@AfterEach
	void stop() {
		this.slack.stop(0);
		this.dispatcher.dispatch();
	}

	@Test
	void theWeeksDigestReachesTheAeOnceByEmailAndOnceInTheirSlack() throws Exception {
		var world = this.fixtures.world("Digest Delivery");
		var ae = world.ae();
		var all = Arrays.stream(StaffNoticeKind.values())
			.map(kind -> new NoticePreferences.KindChoice(kind, true, true))
			.toList();
		this.preferences.change(ae, new NoticePreferences.Preferences(all, SLACK + ae.userId()));
		var monday = this.weeks.monday(8);
		this.guidance.runDaily();
		this.digests.runWeekly();
		this.digests.runWeekly();

		var slackDispatcher = slackDispatcher();
		slackDispatcher.dispatch();
		slackDispatcher.dispatch();

		var subject = "Your guidance for the week of " + monday + ": ";
		var email = this.fixtures.email(ae);
		var mails = List.of(this.mail.getReceivedMessages())
			.stream()
			.filter(m -> recipients(m).contains(email))
			.toList();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).startsWith(subject);
		assertThat(GreenMailUtil.getBody(mails.get(0))).contains("Hello " + ae.name())
			.contains("https://trellis.example.test/opportunities/" + world.dealId());

		var posted = this.slackBodies.stream().filter(b -> b.contains("Hello " + ae.name() + ",")).toList();
		assertThat(posted).hasSize(1);
		assertThat(posted.get(0)).contains("*" + subject)
			.contains("https://trellis.example.test/opportunities/" + world.dealId())
			.contains("<https://trellis.example.test/guidance>");
	}

	@Test
	void aPartnerUserWhoTurnedTheDigestOffGetsNoneWhileTheOtherUserOfThePartnerDoes() {
		var world = this.fixtures.world("Digest Choice");
		var other = this.fixtures.user(Role.PARTNER, world.partnerId(), null);
		var withoutDigest = Arrays.stream(PartnerNoticeKind.values())
			.filter(kind -> kind != PartnerNoticeKind.GUIDANCE_DIGEST)
			.map(kind -> new PartnerNoticePreferences.KindChoice(kind, true, true))
			.toList();
		this.partnerPreferences.change(world.partnerUser(),
				new PartnerNoticePreferences.Preferences(withoutDigest, null));
		this.weeks.monday(8);
		this.guidance.runDaily();
		this.digests.runWeekly();

		this.dispatcher.dispatch();

		assertThat(digestMails(this.fixtures.email(other))).hasSize(1);
		assertThat(digestMails(this.fixtures.email(world.partnerUser()))).isEmpty();
	}

	private List<jakarta.mail.internet.MimeMessage> digestMails(String email) {
		return List.of(this.mail.getReceivedMessages())
			.stream()
			.filter(m -> recipients(m).contains(email))
			.filter(m -> subject(m).startsWith("Your guidance for the week of "))
			.toList();
	}

	/**
	 * The outbox's dispatcher with its Slack requests sent to {@link #slack} (the URL
	 * checks still see the Slack address, which resolves to a public address here).
	 */
	private NotificationDispatcher slackDispatcher() {
		var receiver = URI.create("http://127.0.0.1:" + this.slack.getAddress().getPort() + "/");
		var http = RestClient.builder().requestInterceptor((request, body, execution) -> {
			HttpRequest toReceiver = new HttpRequestWrapper(request) {
				@Override
				public URI getURI() {
					return receiver.resolve(request.getURI().getRawPath());
				}
			};
			return execution.execute(toReceiver, body);
		}).build();
		return new NotificationDispatcher(this.jdbc, this.transactions, this.mailSender, http, host -> {
			if (!"hooks.slack.com".equals(host)) {
				throw new UnknownHostException(host);
			}
			return List.of(InetAddress.getByAddress(host, new byte[] { 52, 1, 2, 3 }));
		}, this.clock, "trellis@localhost", "https://trellis.example.test");
	}

	private static String recipients(Message message) {
		try {
			return Arrays.toString(message.getAllRecipients());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(Message message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
