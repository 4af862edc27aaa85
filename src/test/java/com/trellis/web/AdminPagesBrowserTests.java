package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 13 item 7 in headless Chromium: the admin's settings as pages and the partner,
 * account and direct deal records created and edited from pages, each with a bad field
 * named next to it first.
 */
@TrellisTest
class AdminPagesBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	Fixtures fixtures;

	@Test
	void anAdminAddsAPartnerFromThePartnerListAndEditsIt() {
		var pam = this.fixtures.user(Role.PAM);
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(this.fixtures.user(Role.ADMIN)), "secret");
			page.navigate(chromium.url("/partners"));
			page.locator("#new-partner").click();
			var form = page.locator("#partner-form");
			form.locator("input[name=name]").fill("Browser Made Partners");
			form.locator("input[name=onboardedOn]").fill("2026-11-02");
			form.locator("button[type=submit]").click();
			assertThat(form.locator("small.error")).not().hasCount(0);
			assertThat(page.locator("main")).containsText("nothing was saved");
			form.locator("select[name=type]").selectOption("RESELLER");
			form.locator("input[name=region]").fill("EMEA");
			form.locator("select[name=ownerPamId]").selectOption(String.valueOf(pam.userId()));
			form.locator("button[type=submit]").click();
			assertThat(page.locator("#partner-name")).hasText("Browser Made Partners");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partner-created.png")));
			page.locator("#edit-partner").click();
			page.locator("#partner-form input[name=region]").fill("APAC");
			page.locator("#partner-form button[type=submit]").click();
			assertThat(page.locator("main")).containsText("APAC");
		}
	}

	@Test
	void anAccountExecutiveAddsAnAccountAndOpensADirectDealOnIt() {
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(this.fixtures.user(Role.AE)), "secret");
			page.navigate(chromium.url("/accounts"));
			page.locator("#new-account").click();
			page.locator("#account-form input[name=name]").fill("Browser Account Works");
			page.locator("#account-form input[name=webDomain]").fill("not a domain");
			page.locator("#account-form button[type=submit]").click();
			assertThat(page.locator("#account-form small.error")).containsText("web domain");
			page.locator("#account-form input[name=webDomain]").fill("browser-account-works.example");
			page.locator("#account-form button[type=submit]").click();
			assertThat(page.locator("h1")).hasText("Browser Account Works");
			page.locator("#new-deal").click();
			assertThat(page.locator("#deal-account-name")).hasText("Browser Account Works");
			page.locator("#deal-form input[name=name]").fill("Browser direct renewal");
			page.locator("#deal-form input[name=amount]").fill("75,000");
			page.locator("#deal-form input[name=closeDate]").fill("2027-03-31");
			page.locator("#deal-form button[type=submit]").click();
			assertThat(page.locator("h1")).hasText("Browser direct renewal");
			page.locator("#edit-deal").click();
			page.locator("#deal-form input[name=amount]").fill("80000.001");
			page.locator("#deal-form button[type=submit]").click();
			assertThat(page.locator("#deal-form small.error")).not().hasCount(0);
			page.locator("#deal-form input[name=amount]").fill("80000");
			page.locator("#deal-form button[type=submit]").click();
			assertThat(page.locator("main")).containsText("80,000");
		}
	}

	@Test
	void anAdminDefinesAnIncentiveProgramSetsASlackWebhookAndMovesABook() {
		var from = this.fixtures.user(Role.PAM);
		var to = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Browser Book Partners", from.userId());
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(this.fixtures.user(Role.ADMIN)), "secret");
			page.navigate(chromium.url("/incentives"));
			page.locator("#new-program").click();
			var program = page.locator("#program-form");
			program.locator("input[name=name]").fill("Browser referral");
			program.locator("input[name=startsOn]").fill("2026-12-01");
			program.locator("input[name=sourcedPercent]").fill("2");
			program.locator("input[name=influencedPercent]").fill("5");
			program.locator("input[name=coSellPercent]").fill("1");
			program.locator("button[type=submit]").click();
			assertThat(program.locator("small.error")).not().hasCount(0);
			program.locator("input[name=sourcedPercent]").fill("10");
			program.locator("button[type=submit]").click();
			assertThat(page.locator("main")).containsText("Browser referral");

			page.navigate(chromium.url("/partners/" + partner));
			page.locator("#partner-slack").click();
			page.locator("#slack-form input[name=url]").fill("https://example.com/hook");
			page.locator("#slack-form button[type=submit]").click();
			assertThat(page.locator("#slack-form small.error")).isVisible();
			page.locator("#slack-form input[name=url]").fill("https://hooks.slack.com/services/T1/B2/abcdefghijkl");
			page.locator("#slack-form button[type=submit]").click();
			assertThat(page.locator("#slack-current")).containsText("ijkl");

			page.navigate(chromium.url("/partners"));
			page.locator("#reassign-book").click();
			page.locator("#reassign-form select[name=fromPamId]").selectOption(String.valueOf(from.userId()));
			page.locator("#reassign-form select[name=toPamId]").selectOption(String.valueOf(to.userId()));
			page.locator("#reassign-form button[type=submit]").click();
			assertThat(page.locator("#reassign-form small.error")).hasCount(1);
			page.locator("#reassign-form input[name=reason]").fill("Coverage change for the quarter");
			page.locator("#reassign-form button[type=submit]").click();
			assertThat(page.locator("main")).containsText("1 partners moved");
		}
	}

	@Test
	void anAdminSeesTheBadRuleOfEngagementNamedNextToItsField() {
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(this.fixtures.user(Role.ADMIN)), "secret");
			page.navigate(chromium.url("/registrations/rules"));
			page.locator("input[name=protectionDays]").evaluate("e => e.type = 'text'");
			page.locator("input[name=protectionDays]").fill("ninety");
			page.locator("main form button[type=submit]").click();
			assertThat(page.locator("main small.error")).hasCount(1);
			assertThat(page.locator("main")).containsText("nothing was saved");
		}
	}

	private static Chromium.Context desktop() {
		return chromium.context(1360, 1000);
	}

}
