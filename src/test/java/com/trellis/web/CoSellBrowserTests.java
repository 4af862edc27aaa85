package com.trellis.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Account mapping to co-sell in headless Chromium: the partner uploads its list from the
 * portal, the AE sees the partner on an overlapping deal's account and asks for help, the
 * partner answers, and the AE reads the answer on the deal.
 */
@TrellisTest
class CoSellBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPartnerUploadsItsListAnAccountExecutiveAsksItForHelpAndReadsTheAnswer() throws Exception {
		var deal = this.jdbc.sql("""
				SELECT o.id, a.name, a.web_domain FROM opportunity o JOIN account a ON a.id = o.account_id
				JOIN app_user u ON u.id = o.owner_id
				WHERE u.email = 'ae@trellis.demo' AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				  AND a.web_domain IS NOT NULL
				ORDER BY o.id LIMIT 1
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).single();
		var list = Files.createTempFile("northwind-list", ".csv");
		Files.writeString(list,
				"company_name,web_domain,country,status\n" + deal[1] + ",www." + deal[2]
						+ ",,customer\nGreenfield Widgets,greenfield-widgets-inc.com,US,prospect\n",
				StandardCharsets.UTF_8);
		try (var context = chromium.context(1360, 1000)) {
			var partner = context.newPage();
			chromium.signIn(partner, "partner@northwind.demo", "demo");
			Navigation.follow(partner, "a[href$='/account-list']");
			partner.locator("input[name=file]").setInputFiles(list);
			partner.locator("button[type=submit]:has-text('Upload')").click();
			assertThat(partner.locator("p.notice")).containsText("Uploaded 2 rows");
			assertThat(partner.locator("#list-rows")).containsText(deal[1]);
			partner.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cosell-partner-list.png")));
		}
		try (var context = chromium.context(1360, 1000)) {
			var ae = context.newPage();
			chromium.signIn(ae, "ae@trellis.demo", "demo");
			ae.navigate(chromium.url("/opportunities/" + deal[0]));
			var panel = ae.locator("#cosell-panel");
			assertThat(panel.locator(".cosell-presences")).containsText("Northwind Systems");
			var row = panel.locator(".cosell-presences tr:has-text('Northwind Systems')");
			row.locator("input[name=ask]").fill("Could your account lead introduce us to their CIO?");
			ae.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cosell-ae-deal.png")));
			row.locator("form.cosell-ask button[type=submit]").click();
			assertThat(ae.locator("p.notice")).containsText("Co-sell request sent");
			assertThat(ae.locator("#cosell-panel .cosell-asked")).containsText("Waiting for the partner");
			// a refused ask keeps what was typed in its row (s56: the panel came back
			// empty)
			var again = ae.locator("#cosell-panel .cosell-presences tr:has-text('Northwind Systems')");
			again.locator("input[name=ask]").fill("Could you also join the security review?");
			again.locator("form.cosell-ask button[type=submit]").click();
			assertThat(ae.locator("#deal-error")).containsText("open co-sell request");
			assertThat(ae.locator("#cosell-panel .cosell-presences tr:has-text('Northwind Systems') input[name=ask]"))
				.hasValue("Could you also join the security review?");
		}
		try (var context = chromium.context(1360, 1000)) {
			var partner = context.newPage();
			chromium.signIn(partner, "partner@northwind.demo", "demo");
			Navigation.follow(partner, "a[href='/cosell']");
			partner.waitForURL(url -> url.endsWith("/cosell"));
			var request = partner.locator("#cosell-requests tr:has-text('introduce us to their CIO')");
			var note = request.locator("input[name=note]");
			note.fill("Yes: our lead meets her on Thursday");
			// the note is in the form when it is sent (once, in a full suite run, the
			// request was accepted with no note)
			assertThat(note).hasValue("Yes: our lead meets her on Thursday");
			request.locator("button[value=true]").click();
			assertThat(partner.locator("p.notice")).containsText("Answer sent");
			partner.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cosell-partner-answer.png")));
		}
		try (var context = chromium.context(1360, 1000)) {
			var ae = context.newPage();
			chromium.signIn(ae, "ae@trellis.demo", "demo");
			ae.navigate(chromium.url("/opportunities/" + deal[0]));
			var asked = ae.locator("#cosell-panel .cosell-asked");
			assertThat(asked).containsText("Accepted");
			assertThat(asked).containsText("Yes: our lead meets her on Thursday");
			ae.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cosell-ae-answer.png")));
		}
	}

}
