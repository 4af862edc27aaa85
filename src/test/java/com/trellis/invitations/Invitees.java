package com.trellis.invitations;

import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the invitation tests do as the invited person: a fresh address, the invitation's
 * request body, the join link read from the e-mail the SMTP receiver got, and the join
 * form posted with a password.
 */
final class Invitees {

	static final String PASSWORD = "a long enough passphrase";

	private static final Pattern JOIN_LINK = Pattern.compile("https://trellis\\.example\\.test(/join/[A-Za-z0-9_-]+)");

	private Invitees() {
	}

	/** The invitations API of one partner. */
	static String invitations(long partnerId) {
		return "/api/v1/partners/" + partnerId + "/invitations";
	}

	/** The JSON body of an invitation. */
	static String invite(String name, String email) {
		return "{\"name\": \"%s\", \"email\": \"%s\"}".formatted(name, email);
	}

	/** An address no earlier test used. */
	static String invitee() {
		return "invitee" + System.nanoTime() + "@partner.example";
	}

	/** Posts the join form of the link with the password typed twice. */
	static MockHttpServletResponse join(MockMvc mvc, String link, String password) throws Exception {
		return mvc.perform(post(link).param("password", password).param("confirmPassword", password).with(csrf()))
			.andReturn()
			.getResponse();
	}

	/**
	 * The join link (its path) of the newest message to the address; fails if none came.
	 */
	static String linkSentTo(GreenMail mail, String email) throws Exception {
		String link = null;
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
				var matcher = JOIN_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
				assertThat(matcher.find()).as("a join link in the message").isTrue();
				link = matcher.group(1);
			}
		}
		assertThat(link).as("an invitation sent to " + email).isNotNull();
		return link;
	}

	/** Users with the address, in any letter case. */
	static long userCount(JdbcClient jdbc, String email) {
		return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(email) = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

}
