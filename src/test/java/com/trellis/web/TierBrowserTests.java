package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import com.trellis.tiers.PartnerTiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Tiers in headless Chromium: the demo partner sees its tier and what the next one needs
 * on its portal; the demo admin reads the tier distribution. Screenshots land in
 * target/screenshots.
 */
@TrellisTest
class TierBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PartnerTiers tiers;

	@Test
	void aPartnerSeesItsTierAndWhatTheNextTierNeedsOnItsPortal() {
		long northwind = this.jdbc.sql("SELECT partner_id FROM app_user WHERE email = 'partner@northwind.demo'")
			.query(Long.class)
			.single();
		var card = this.tiers.card(this.fixtures.user(Role.ADMIN), northwind);
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "partner@northwind.demo", "demo");
			assertThat(page.locator("#tier-card #tier-label")).hasText(card.tierLabel());
			assertThat(page.locator("#tier-card #tier-gap")).hasText(card.gap().summary());
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tier-partner-portal.png")));
			Navigation.follow(page, "a:has-text('Our tier')");
			assertThat(page.locator("h1")).containsText("Northwind");
			assertThat(page.locator("#tier-gap")).hasText(card.gap().summary());
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tier-partner-page.png")));
		}
	}

	@Test
	void theAdminSeesTheTierDistributionMovementsAndOverrides() {
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			Navigation.follow(page, "a:has-text('Tiers')");
			assertThat(page.locator("#tier-chart[data-drawn=true]")).hasCount(1);
			assertThat(page.locator("#tier-weeks tbody tr").first()).isVisible();
			assertThat(page.locator("#tier-changes tbody tr").first()).isVisible();
			assertThat(page.locator("#tier-overrides")).containsText("Launch partner for the healthcare vertical");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tiers-admin.png")));
		}
	}

}
