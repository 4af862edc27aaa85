package com.trellis.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import jakarta.mail.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium: a PAM invites a person from the partner's page, the person opens the
 * link from the e-mail the mail server received, chooses a password and signs in to their
 * partner's portal.
 */
@TrellisTest
class InvitationBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Pattern JOIN_LINK = Pattern.compile("https://trellis\\.example\\.test(/join/[A-Za-z0-9_-]+)");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail mail;

	@Test
	void aPamInvitesAPartnerUserWhoSetsAPasswordFromTheEmailAndSignsIn() throws Exception {
		var partner = this.jdbc.sql("""
				SELECT p.id, p.name FROM partner p JOIN app_user u ON u.id = p.owner_pam_id
				WHERE u.email = 'pam@trellis.demo' ORDER BY p.id LIMIT 1
				""").query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("name") }).single();
		var email = "new.colleague" + System.nanoTime() + "@partner.example";
		try (var context = chromium.context(1360, 1000)) {
			var pam = context.newPage();
			chromium.signIn(pam, "pam@trellis.demo", "demo");
			pam.navigate(chromium.url("/partners/" + partner[0]));
			pam.locator("#invite-form input[name=name]").fill("Nia Newcomer");
			pam.locator("#invite-form input[name=email]").fill(email);
			pam.locator("#invite-form button[type=submit]").click();
			assertThat(pam.locator(".notice")).containsText("Invitation sent to " + email);
			assertThat(pam.locator("#invitations")).containsText("Nia Newcomer");
			assertThat(pam.locator("#invitations")).containsText("Pending");
			pam.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("invitation-pending.png")));
		}

		var link = linkSentTo(email);
		try (var context = chromium.context(1360, 1000)) {
			var invitee = context.newPage();
			invitee.navigate(chromium.url(link));
			assertThat(invitee.locator("#join-welcome")).containsText("Nia Newcomer");
			assertThat(invitee.locator("#join-welcome")).containsText((String) partner[1]);
			invitee.locator("input[name=password]").fill("a long enough passphrase");
			invitee.locator("input[name=confirmPassword]").fill("a long enough passphrase");
			invitee.locator("#password-form button[type=submit]").click();
			assertThat(invitee.locator("#login-joined")).isVisible();

			chromium.signInThroughForm(invitee, email, "a long enough passphrase");
			assertThat(invitee.locator("#home-heading")).hasText((String) partner[1]);
			assertThat(invitee.locator(".who")).containsText("Nia Newcomer");
			invitee.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("invitation-joined.png")));

			invitee.navigate(chromium.url(link));
			assertThat(invitee.locator("#link-state")).containsText("used already");
		}
	}

	@Test
	void aRefusedInvitationShowsEveryErrorBesideItsFieldAndKeepsWhatWasTyped() {
		var partner = this.jdbc.sql("""
				SELECT p.id FROM partner p JOIN app_user u ON u.id = p.owner_pam_id
				WHERE u.email = 'pam@trellis.demo' ORDER BY p.id LIMIT 1
				""").query(Long.class).single();
		long before = this.jdbc.sql("SELECT count(*) FROM partner_invitation").query(Long.class).single();
		try (var context = chromium.context(1360, 1000)) {
			var pam = context.newPage();
			chromium.signIn(pam, "pam@trellis.demo", "demo");
			pam.navigate(chromium.url("/partners/" + partner));
			// a blank name and the e-mail of someone who already signs in: both are wrong
			pam.locator("#invite-form input[name=name]").fill("   ");
			pam.locator("#invite-form input[name=email]").fill("pam@trellis.demo");
			pam.locator("#invite-form button[type=submit]").click();

			assertThat(pam.locator("#invite-name-error")).isVisible();
			assertThat(pam.locator("#invite-email-error")).isVisible();
			assertThat(pam.locator("#invite-form input[name=email]")).hasValue("pam@trellis.demo");
			assertThat(pam.locator("#invite-form input[name=email]")).hasAttribute("aria-invalid", "true");
			assertThat(pam.locator("#invite-form input[name=name]")).hasAttribute("aria-invalid", "true");
			pam.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("invitation-refused.png")));
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM partner_invitation").query(Long.class).single())
			.isEqualTo(before);
	}

	private String linkSentTo(String email) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.mail.getReceivedMessagesForDomain(email).length > 0);
		var message = this.mail.getReceivedMessagesForDomain(email)[0];
		try {
			assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(email);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		var matcher = JOIN_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}
