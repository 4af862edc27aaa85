package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A partner fills in its readiness assessment and its PAM validates it; the admin opens
 * the cohorts side by side. Screenshots land in target/screenshots.
 */
@TrellisTest
class ReadinessAndCohortBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void aPartnerFillsInItsReadinessAssessmentAndItsPamAcceptsIt() {
		try (var context = chromium.context(1360, 1100)) {
			var partner = context.newPage();
			chromium.signIn(partner, "partner@northwind.demo", "demo");
			Navigation.follow(partner, "a:has-text('Readiness assessment')");
			partner.locator("textarea[name=icpDefinition]")
				.fill("Mid-market retailers with 50-500 stores that run their own e-commerce platform.");
			partner.locator("textarea[name=useCases]").fill("Inventory visibility across stores\nClick and collect");
			partner.locator("select[name=salesProcess]").selectOption("3");
			partner.locator("input[name=packagedOffers]").fill("2");
			partner.locator("textarea[name=specialisations]").fill("Retail");
			partner.locator("input[name=deliveryStaff]").fill("4");
			partner.locator("#submit-assessment").click();
			assertThat(partner.locator("#readiness-state")).hasText("submitted, awaiting the PAM");
			partner.screenshot(
					new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readiness-submitted-partner.png")));
		}
		try (var context = chromium.context(1360, 1100)) {
			var pam = context.newPage();
			chromium.signIn(pam, "pam@trellis.demo", "demo");
			pam.navigate(chromium.url("/partners/1/readiness"));
			pam.locator("#accept").click();
			assertThat(pam.locator("#readiness-state")).hasText("accepted");
			assertThat(pam.locator("#readiness-points")).containsText("of 100 points");
			pam.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readiness-accepted-pam.png")));
		}
	}

	@Test
	void theAdminSeesTheCohortsSideBySide() {
		try (var context = chromium.context(1360, 1400)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/cohorts"));
			assertThat(page.locator("h1")).hasText("Cohorts");
			assertThat(page.locator("#cohort-list tbody tr").first()).isVisible();
			assertThat(page.locator("canvas[data-drawn=true]")).hasCount(6);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cohorts-admin.png")));
		}
	}

}
