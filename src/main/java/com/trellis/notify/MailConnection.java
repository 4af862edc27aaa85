package com.trellis.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection kept open for a whole drain of the outbox, so sending a hundred
 * e-mails costs one connection, greeting and EHLO rather than a hundred. Opened on the
 * first message and closed by {@link #close()}. A message that fails on a connection
 * already used for an earlier one (the server may have dropped it while idle) is sent
 * once more on a fresh connection, also when the drop shows as a refusal (a server that
 * closed the connection answers the next command with end of stream, which JavaMail
 * reports as {@link SendFailedException} "[EOF]"); a refusal on a connection still open
 * (a refused address) or a failure on a fresh connection is thrown to the caller, which
 * records the attempt. A sender that is not Spring's {@link JavaMailSenderImpl} sends
 * each message on its own; without a sender (no {@code spring.mail.host}) every message
 * fails.
 */
final class MailConnection implements AutoCloseable {

	private final JavaMailSender sender;

	private Transport transport;

	private boolean used;

	MailConnection(JavaMailSender sender) {
		this.sender = sender;
	}

	/** A new message; fails when no mail server is configured. */
	MimeMessage createMessage() {
		if (this.sender == null) {
			throw new IllegalStateException("no mail server configured (spring.mail.host)");
		}
		return this.sender.createMimeMessage();
	}

	/**
	 * A new message whose {@code Message-ID} is {@code messageId} however often it is
	 * sent: a delivery sent again after a crash between the server's acceptance and the
	 * record of it (at least once, as webhooks) carries the same id, by which mail
	 * clients and servers drop the copy. JavaMail gives every message a new random id
	 * when it is sent.
	 */
	MimeMessage createMessage(String messageId) {
		if (!(this.sender instanceof JavaMailSenderImpl impl)) {
			return createMessage();
		}
		return new MimeMessage(impl.getSession()) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
	}

	void send(MimeMessage message) throws MessagingException {
		if (!(this.sender instanceof JavaMailSenderImpl impl)) {
			this.sender.send(message);
			return;
		}
		message.saveChanges();
		boolean reused = this.transport != null && this.used;
		try {
			open(impl).sendMessage(message, message.getAllRecipients());
		}
		catch (MessagingException ex) {
			if (ex instanceof SendFailedException && this.transport != null && this.transport.isConnected()) {
				// the server refused the message or an address and the connection is
				// still good
				throw ex;
			}
			close();
			if (!reused) {
				throw ex;
			}
			open(impl).sendMessage(message, message.getAllRecipients());
		}
		this.used = true;
	}

	private Transport open(JavaMailSenderImpl impl) throws MessagingException {
		if (this.transport == null) {
			var protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
			var fresh = impl.getSession().getTransport(protocol);
			fresh.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
			this.transport = fresh;
			this.used = false;
		}
		return this.transport;
	}

	@Override
	public void close() {
		if (this.transport != null) {
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				// the connection is gone either way
			}
			this.transport = null;
		}
	}

}
