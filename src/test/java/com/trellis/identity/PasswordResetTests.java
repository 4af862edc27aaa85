package com.trellis.identity;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Forgot password?": the link is single-use and expires, a newer link or a completed
 * reset kills the others, and the answer never tells whether an e-mail address is known.
 */
@TrellisTest
class PasswordResetTests {

	private static final String NEW_PASSWORD = "my brand new passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	GreenMail mail;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.crypto.password.PasswordEncoder encoder;

	@Test
	void aResetLinkSetsANewPasswordOnce() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		// a session signed in before the reset ends with it (s56: it went on working)
		var before = (org.springframework.mock.web.MockHttpSession) this.mvc
			.perform(post("/login").param("username", email).param("password", "secret").with(csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		assertThat(this.mvc.perform(get("/opportunities").session(before)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		var answer = forgot(email, "198.51.100.1");
		assertThat(answer.getRedirectedUrl()).isEqualTo("/password/forgot?sent");
		var link = awaitLink(email, 1);
		assertThat(this.mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(200);

		assertThat(reset(link, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?reset");
		assertThat(this.mvc.perform(get("/opportunities").session(before)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login?ended");
		assertThat(signsIn(email, NEW_PASSWORD)).isTrue();
		assertThat(signsIn(email, "secret")).as("the old password").isFalse();

		var again = this.mvc.perform(get(link)).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(410);
		assertThat(again.getContentAsString()).contains("used already");
		assertThat(reset(link, "yet another passphrase").getStatus()).isEqualTo(410);
		assertThat(signsIn(email, "yet another passphrase")).isFalse();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE entity_type = 'user' AND action = 'password reset by e-mail link'
				  AND entity_id = (SELECT CAST(id AS TEXT) FROM app_user WHERE email = ?)
				""").param(email).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aResetLinkExpiresAfterAnHour() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.PAM));
		forgot(email, "198.51.100.2");
		var link = awaitLink(email, 1);
		this.clock.advance(Duration.ofMinutes(59));
		assertThat(this.mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));

		var expired = this.mvc.perform(get(link)).andReturn().getResponse();
		assertThat(expired.getStatus()).isEqualTo(410);
		assertThat(expired.getContentAsString()).contains("expired");
		assertThat(reset(link, NEW_PASSWORD).getStatus()).isEqualTo(410);
		assertThat(signsIn(email, "secret")).isTrue();
	}

	@Test
	void aNewerLinkKillsTheOlderOne() throws Exception {
		var email = this.fixtures
			.email(this.fixtures.user(Role.PARTNER, this.fixtures.world("Reset Partner").partnerId(), null));
		forgot(email, "198.51.100.3");
		var first = awaitLink(email, 1);
		forgot(email, "198.51.100.3");
		var second = awaitLink(email, 2);

		assertThat(this.mvc.perform(get(first)).andReturn().getResponse().getStatus()).isEqualTo(410);
		assertThat(reset(first, NEW_PASSWORD).getStatus()).isEqualTo(410);
		assertThat(reset(second, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?reset");
	}

	@Test
	void anUnknownEmailGetsTheSameAnswerAndNoMessage() throws Exception {
		var known = this.fixtures.email(this.fixtures.user(Role.EXECUTIVE));
		var unknown = "nobody" + System.nanoTime() + "@nowhere.example";
		var forKnown = forgot(known, "198.51.100.4");
		var forUnknown = forgot(unknown, "198.51.100.4");
		assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus());
		assertThat(forUnknown.getRedirectedUrl()).isEqualTo(forKnown.getRedirectedUrl());
		assertThat(forUnknown.getContentAsString()).isEqualTo(forKnown.getContentAsString());
		assertThat(this.mvc.perform(get(forUnknown.getRedirectedUrl())).andReturn().getResponse().getContentAsString())
			.contains("If a Trellis user has that e-mail address");

		awaitLink(known, 1);
		Thread.sleep(300);
		assertThat(this.mail.getReceivedMessagesForDomain(unknown)).isEmpty();
	}

	@Test
	void aDeactivatedUserGetsNoLinkAndTheirOpenLinkDies() throws Exception {
		var user = this.fixtures.user(Role.AE);
		var email = this.fixtures.email(user);
		forgot(email, "198.51.100.5");
		var link = awaitLink(email, 1);
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(user.userId()).update();

		assertThat(forgot(email, "198.51.100.5").getRedirectedUrl()).isEqualTo("/password/forgot?sent");
		Thread.sleep(300);
		assertThat(this.mail.getReceivedMessagesForDomain(email)).hasSize(1);
		assertThat(reset(link, NEW_PASSWORD).getStatus()).isEqualTo(404);
	}

	@Test
	void requestsPastTheLimitForOneEmailSendNothingButAnswerTheSame() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.SALES_MANAGER));
		for (int i = 1; i <= 3; i++) {
			forgot(email, "198.51.100." + (10 + i));
			awaitLink(email, i);
		}
		var fourth = forgot(email, "198.51.100.20");
		assertThat(fourth.getRedirectedUrl()).isEqualTo("/password/forgot?sent");
		Thread.sleep(300);
		assertThat(this.mail.getReceivedMessagesForDomain(email)).hasSize(3);
		this.clock.advance(Duration.ofHours(1).plusSeconds(1));
		forgot(email, "198.51.100.20");
		awaitLink(email, 4);
	}

	@Test
	void aMalformedEmailIsNamed() throws Exception {
		var answer = this.mvc.perform(post("/password/forgot").param("email", "not an address").with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(400);
		assertThat(answer.getContentAsString()).contains("must be an e-mail address");
	}

	@Test
	void aWeakPasswordIsNamedAndTheLinkStaysOpen() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.ADMIN));
		forgot(email, "198.51.100.6");
		var link = awaitLink(email, 1);
		var refused = this.mvc
			.perform(post(link).param("password", NEW_PASSWORD).param("confirmPassword", "something else").with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("does not match the password");
		assertThat(reset(link, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?reset");
	}

	@Test
	void aResetToThePasswordTheUserHasNowIsRefusedAndTheLinkStaysOpen() throws Exception {
		var user = this.fixtures.user(Role.AE);
		var email = this.fixtures.email(user);
		var current = "the passphrase I have now";
		this.jdbc.sql("UPDATE app_user SET password_hash = ? WHERE id = ?")
			.params(this.encoder.encode(current), user.userId())
			.update();
		forgot(email, "198.51.100.9");
		var link = awaitLink(email, 1);
		var refused = reset(link, current);
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("must differ from the password you have now");
		assertThat(reset(link, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?reset");
	}

	@Test
	void aPasswordOfMoreThanSeventyTwoBytesIsRefusedNamingTheFieldAndTheLinkStaysOpen() throws Exception {
		var email = this.fixtures.email(this.fixtures.user(Role.AE));
		forgot(email, "198.51.100.7");
		var link = awaitLink(email, 1);
		var refused = reset(link, "€".repeat(25));
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("72 bytes");
		assertThat(signsIn(email, "secret")).isTrue();
		assertThat(reset(link, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?reset");
	}

	@Test
	void aResetLinkAlsoReplacesAOneTimePasswordTheUserHeld() throws Exception {
		var user = this.fixtures.user(Role.AE);
		var email = this.fixtures.email(user);
		this.jdbc.sql("UPDATE app_user SET must_change_password = TRUE WHERE id = ?").param(user.userId()).update();
		forgot(email, "198.51.100.8");
		assertThat(reset(awaitLink(email, 1), NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/login?reset");
		assertThat(this.jdbc.sql("SELECT must_change_password FROM app_user WHERE id = ?")
			.param(user.userId())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void theSignInPageOffersForgotPasswordAndNoSingleSignOnWhenNoneIsConfigured() throws Exception {
		var page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("href=\"/password/forgot\"").doesNotContain("/oauth2/authorization");
		var noProvider = this.mvc.perform(get("/oauth2/authorization/corp")).andReturn().getResponse();
		assertThat(noProvider.getRedirectedUrl()).endsWith("/login");
	}

	private MockHttpServletResponse forgot(String email, String address) throws Exception {
		return this.mvc.perform(post("/password/forgot").param("email", email).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn().getResponse();
	}

	private MockHttpServletResponse reset(String link, String password) throws Exception {
		return this.mvc.perform(post(link).param("password", password).param("confirmPassword", password).with(csrf()))
			.andReturn()
			.getResponse();
	}

	private boolean signsIn(String email, String password) throws Exception {
		var answer = this.mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getResponse();
		return !answer.getRedirectedUrl().contains("error");
	}

	/** The reset link in the n-th message to the address, waiting for it to arrive. */
	private String awaitLink(String email, int n) throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(email) >= n);
		int seen = 0;
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email) && ++seen == n) {
				var matcher = MailedLinks.RESET.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
				assertThat(matcher.find()).isTrue();
				return matcher.group(1);
			}
		}
		throw new AssertionError("no message " + n + " to " + email);
	}

	private long messagesTo(String email) throws Exception {
		long count = 0;
		for (MimeMessage message : this.mail.getReceivedMessages()) {
			if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
				count++;
			}
		}
		return count;
	}

}
