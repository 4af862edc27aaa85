package com.trellis.identity;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Sends one e-mail with a single-use link (an invitation, a password reset) straight to
 * the mail server, not through the partner outbox: the link's secret must not be stored,
 * and the message goes to one person, not to a partner. Links are made absolute with
 * {@code trellis.public-base-url}.
 */
@Component
public class LinkMail {

	private static final Logger log = LoggerFactory.getLogger(LinkMail.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final String publicBaseUrl;

	LinkMail(ObjectProvider<JavaMailSender> mail, @Value("${trellis.notify.from:trellis@localhost}") String from,
			@Value("${trellis.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.mail = mail;
		this.from = from;
		this.publicBaseUrl = publicBaseUrl.replaceFirst("/+$", "");
	}

	/** Whether a mail server is configured at all. */
	public boolean configured() {
		return this.mail.getIfAvailable() != null;
	}

	/**
	 * Sends the message now.
	 * @param path the link inside Trellis, starting with a slash
	 * @throws NotSent when no mail server is configured or it refused the message
	 */
	public void send(String to, String subject, String text, String path) {
		var sender = this.mail.getIfAvailable();
		if (sender == null) {
			log.warn("E-mail '{}' not sent: no mail server is configured (spring.mail.host)", subject);
			throw new NotSent("no mail server is configured (spring.mail.host)");
		}
		try {
			var message = sender.createMimeMessage();
			var helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text + "\n\n" + this.publicBaseUrl + path + "\n");
			sender.send(message);
		}
		catch (MailException | MessagingException ex) {
			log.warn("E-mail '{}' could not be sent: {}", subject, ex.getMessage());
			throw new NotSent("the mail server did not take it");
		}
	}

	/** The message could not be handed to the mail server; nothing was changed. */
	public static class NotSent extends ErrorResponseException {

		NotSent(String why) {
			super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The e-mail could not be sent: " + why + "; try again later"), null);
		}

		public String reason() {
			return getBody().getDetail();
		}

	}

}
