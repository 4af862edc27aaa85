package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 13 item 14 in headless Chromium: the demo's partner user lands on a portal of its
 * own (deals and registrations by status, earnings and MDF, activation and training, its
 * tier), never on the vendor's KPIs, and invites a colleague from it. Screenshots of the
 * portal at both widths land in target/screenshots.
 */
@TrellisTest
class PortalBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.MessageSource messages;

	/** A partner's registrations counted by status. */
	private java.util.Map<String, Long> byStatus(String partner) {
		var counts = new java.util.LinkedHashMap<String, Long>();
		this.jdbc.sql("""
				SELECT r.status, count(*) FROM deal_registration r JOIN partner p ON p.id = r.partner_id
				WHERE p.name = :name GROUP BY r.status ORDER BY r.status
				""").param("name", partner).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		org.assertj.core.api.Assertions.assertThat(counts).as(partner + "'s registrations").isNotEmpty();
		return counts;
	}

	@Test
	void theDemoPartnerLandsOnItsOwnPortalNotOnTheVendorsKpis() {
		for (int width : new int[] { 1360, 390 }) {
			try (var context = chromium.context(width, width == 390 ? 844 : 1000)) {
				var page = context.newPage();
				chromium.signIn(page, "partner@northwind.demo", "demo");
				assertThat(page.locator("#home-heading")).hasText("Northwind Systems");
				assertThat(page.locator("#portal-deals")).containsText("Closed won");
				// each status the partner's registrations hold, with its count, as the
				// database holds them now (other classes in this JVM may have expired or
				// decided some of the demo's registrations before this one runs)
				var registrations = page.locator("#portal-registrations");
				assertThat(registrations).containsText("Our registrations by status");
				for (var status : byStatus("Northwind Systems").entrySet()) {
					var label = this.messages.getMessage("registration.status." + status.getKey(), null,
							java.util.Locale.US);
					assertThat(registrations.locator("tr",
							new com.microsoft.playwright.Locator.LocatorOptions().setHasText(label)))
						.containsText(String.format(java.util.Locale.US, "%,d", status.getValue()));
				}
				assertThat(page.locator("#portal-earnings")).containsText("USD");
				assertThat(page.locator("#portal-activation")).containsText("Training");
				assertThat(page.locator("#portal-activity")).not().containsText("Portal login");
				assertThat(page.locator("main")).not().containsText("Partner recruitment");
				assertThat(page.locator("header nav")).not().containsText("KPIs");
				page.screenshot(new Page.ScreenshotOptions()
					.setPath(SCREENSHOTS.resolve("home-partner-portal-" + width + ".png")));
			}
		}
	}

	@Test
	void aPartnerUserAskingForTheKpiPageIsRefusedInsideTheLayout() {
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, "partner@bluepeak.demo", "demo");
			var response = page.navigate(chromium.url("/metrics"));
			org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
			assertThat(page.locator("header nav")).containsText("Sign out");
		}
	}

	@Test
	void aPartnerUserInvitesAColleagueFromThePortal() {
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, "partner@bluepeak.demo", "demo");
			page.locator("#portal-colleagues").click();
			assertThat(page.locator("#colleagues")).containsText("partner@bluepeak.demo");
			page.locator("#colleague-form input[name=name]").fill("Casey Colleague");
			// a vendor user's address is refused by the invitation rules, named next to
			// the field
			page.locator("#colleague-form input[name=email]").fill("admin@trellis.demo");
			page.locator("#colleague-form button[type=submit]").click();
			assertThat(page.locator("#colleague-form small.error")).isVisible();
			page.locator("#colleague-form input[name=email]").fill("casey.colleague@bluepeak.demo");
			page.locator("#colleague-form button[type=submit]").click();
			assertThat(page.locator("#colleague-invitations")).containsText("casey.colleague@bluepeak.demo");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partner-colleagues.png")));
		}
	}

	private static Chromium.Context desktop() {
		return chromium.context(1360, 1000);
	}

}
