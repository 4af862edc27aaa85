package com.trellis.identity;

import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-password and reset links in the messages the tests' mail server received, as
 * paths to open ({@code /password/reset/…}).
 */
final class MailedLinks {

	/** A reset or set-password link under the tests' public base address. */
	static final Pattern RESET = Pattern.compile("https://trellis\\.example\\.test(/password/reset/[A-Za-z0-9_-]+)");

	private MailedLinks() {
	}

	/** The link of the one message sent to {@code email}, asserting there is one. */
	static String onlyResetLink(GreenMail mail, String email) {
		var messages = mail.getReceivedMessagesForDomain(email);
		assertThat(messages).as("one message to " + email).hasSize(1);
		return resetLink(messages[0]);
	}

	/** The link in {@code message}, asserting it holds one. */
	static String resetLink(MimeMessage message) {
		var matcher = RESET.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		assertThat(matcher.find()).as("a set-password link in the message").isTrue();
		return matcher.group(1);
	}

}
