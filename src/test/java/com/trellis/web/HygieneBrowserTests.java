package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The data-hygiene and webhooks pages in headless Chromium, signed in as the demo admin
 * and PAM. Screenshots land in target/screenshots.
 */
@TrellisTest
class HygieneBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void theAdminHandsADeactivatedRepsDealToTheAccountOwnerFromTheHygienePage() {
		var leaver = this.fixtures.user(Role.AE);
		var owner = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Browser Hygiene Partner", pam.userId());
		long deal = this.fixtures.partnerDeal(
				this.fixtures.account("Handover Customer", "handover.example", owner.userId()), leaver.userId(),
				partner, "9000.00");
		this.jdbc.sql("UPDATE opportunity SET name = 'Leaver handover deal' WHERE id = ?").param(deal).update();
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(leaver.userId()).update();

		try (var context = chromium.context(1360, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			Navigation.follow(page, "a:has-text('Data hygiene')");
			assertThat(page.locator("h1")).hasText("Data hygiene");
			assertThat(page.locator("#hygiene-checks tr[data-check=DEACTIVATED_OWNERS] .count")).not().hasText("0");
			page.locator("#hygiene-checks a:has-text('Open deals held by a deactivated user')").click();
			assertThat(page.locator("#records")).containsText("Leaver handover deal");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("hygiene-deactivated-owners.png")));

			page.locator("#fix-form button").click();

			assertThat(page.locator("#fix-result")).containsText("fixed");
			assertThat(page.locator("#records")).not().containsText("Leaver handover deal");
		}
		long nowOwner = this.jdbc.sql("SELECT owner_id FROM opportunity WHERE id = ?")
			.param(deal)
			.query(Long.class)
			.single();
		org.assertj.core.api.Assertions.assertThat(nowOwner).isEqualTo(owner.userId());
	}

	@Test
	void aPamOpensTheHygieneReportOfTheirBook() {
		try (var context = chromium.context(1360, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "pam@trellis.demo", "demo");
			Navigation.follow(page, "a:has-text('Data hygiene')");
			assertThat(page.locator("main")).containsText("Checks over your book");
			assertThat(page.locator("#hygiene-checks tbody tr")).hasCount(8);
			page.locator("#hygiene-checks a:has-text('Open deals longer in their stage')").click();
			assertThat(page.locator("#records h2")).hasText("Open deals longer in their stage than the stage's norm");
			assertThat(page.locator("#fix-form")).hasCount(0);
			// the Trellis formats a PAM imports for their book are in the menu, beside
			// hygiene
			Navigation.follow(page, "a:has-text('Import Trellis CSV formats')");
			assertThat(page.locator("h1")).hasText("Import Trellis CSV formats");
		}
	}

	@Test
	void theAdminSubscribesAWebhookAndSeesItsSecretOnlyOnce() {
		try (var context = chromium.context(1360, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			Navigation.follow(page, "a:has-text('Webhooks')");
			page.locator("#webhook-form input[name=url]").fill("https://hooks.example.test/browser");
			page.locator("#webhook-form input[value='deal.won']").check();
			page.locator("#webhook-form button[type=submit]").click();

			assertThat(page.locator("#secret code")).containsText("whsec_");
			assertThat(page.locator("h1")).hasText("https://hooks.example.test/browser");
			page.reload();
			assertThat(page.locator("#secret")).hasCount(0);

			page.navigate(chromium.url("/admin/webhooks"));
			page.locator("#webhook-form input[name=url]").fill("ftp://hooks.example.test/browser");
			page.locator("#webhook-form input[value='deal.won']").check();
			page.locator("#webhook-form button[type=submit]").click();
			assertThat(page.locator("#webhook-form small.error")).containsText("http or https");
		}
		this.jdbc.sql("DELETE FROM webhook_subscription WHERE url = 'https://hooks.example.test/browser'").update();
	}

}
