package com.trellis.notify;

import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A drain's e-mails share one SMTP connection, and a connection the server dropped
 * between two messages is replaced without losing the message. A real SMTP server
 * (GreenMail) of the test's own.
 */
class MailConnectionTests {

	GreenMail smtp;

	CountingSender sender;

	@BeforeEach
	void start() {
		this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		this.smtp.start();
		this.sender = new CountingSender(this.smtp.getSmtp().getPort());
	}

	@AfterEach
	void stop() {
		this.smtp.stop();
	}

	@Test
	void aDrainsMessagesShareOneConnection() throws Exception {
		try (var connection = new MailConnection(this.sender)) {
			for (int i = 0; i < 5; i++) {
				connection.send(message(connection, "one of five " + i));
			}
		}
		assertThat(this.smtp.getReceivedMessages()).hasSize(5);
		assertThat(this.sender.connections.get()).as("SMTP connections opened").isEqualTo(1);
	}

	@Test
	void aConnectionDroppedBetweenMessagesIsOpenedAgainAndTheMessageSent() throws Exception {
		try (var connection = new MailConnection(this.sender)) {
			connection.send(message(connection, "before the drop"));
			int port = this.smtp.getSmtp().getPort();
			this.smtp.stop();
			this.smtp = new GreenMail(ServerSetupTest.SMTP.port(port));
			this.smtp.start();
			connection.send(message(connection, "after the drop"));
		}
		assertThat(this.smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
			.containsExactly("after the drop");
		assertThat(this.sender.connections.get()).isEqualTo(2);
	}

	/**
	 * A server that ended the connection answers the next command with end of stream,
	 * which JavaMail reports as a refusal ("[EOF]"); the message is sent again on a new
	 * connection (the GreenMail test above gets a reset or the end of stream, by timing).
	 */
	@Test
	void aConnectionEndedByTheServerIsOpenedAgainAndTheMessageSent() throws Exception {
		try (var server = new HalfClosingSmtpServer()) {
			var sender = new CountingSender(server.port());
			try (var connection = new MailConnection(sender)) {
				connection.send(message(connection, "before the end"));
				connection.send(message(connection, "after the end"));
			}
			assertThat(server.subjects).containsExactly("before the end", "after the end");
			assertThat(sender.connections.get()).isEqualTo(2);
		}
	}

	@Test
	void withoutAServerTheFailureReachesTheCaller() throws Exception {
		var connection = new MailConnection(this.sender);
		var message = message(connection, "nowhere");
		this.smtp.stop();
		assertThatThrownBy(() -> connection.send(message)).isInstanceOf(MessagingException.class);
		connection.close();
		assertThatThrownBy(() -> new MailConnection(null).createMessage()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.mail.host");
	}

	private static MimeMessage message(MailConnection connection, String subject) throws MessagingException {
		var message = connection.createMessage();
		message.setFrom(new InternetAddress("trellis@localhost"));
		message.setRecipients(MimeMessage.RecipientType.TO, "someone@mail-connection.test");
		message.setSubject(subject);
		message.setText("body");
		return message;
	}

	/**
	 * Spring's sender, counting the SMTP connections opened (each reads the host once).
	 */
	static final class CountingSender extends JavaMailSenderImpl {

		final AtomicInteger connections = new AtomicInteger();

		CountingSender(int port) {
			setHost("127.0.0.1");
			setPort(port);
		}

		@Override
		public String getHost() {
			this.connections.incrementAndGet();
			return super.getHost();
		}

	}

}
