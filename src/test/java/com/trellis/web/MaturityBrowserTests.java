package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.maturity.Questionnaire;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The demo partner opens its maturity assessment from the portal, sees the result of its
 * past assessments, answers again and sees its new level with the change per area.
 * Screenshots land in target/screenshots.
 */
@TrellisTest
class MaturityBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void aPartnerAnswersItsMaturityAssessmentAndSeesItsNewLevelBesideTheOnesBefore() {
		try (var context = chromium.context(1360, 1400)) {
			var partner = context.newPage();
			chromium.signIn(partner, "partner@northwind.demo", "demo");
			Navigation.follow(partner, "a:has-text('Our maturity')");
			assertThat(partner.locator("#maturity-level")).containsText("Level");
			assertThat(partner.locator("#maturity-history tbody tr").first()).isVisible();
			for (var question : Questionnaire.PARTNER.questions()) {
				partner.locator("input[name='answer." + question.id() + "'][value='4']").check();
			}
			partner.locator("#maturity-submit").click();
			assertThat(partner.locator("#maturity-level")).hasText("Level 5 — Ecosystem-led");
			assertThat(partner.locator("#maturity-recommendations li")).hasCount(0);
			assertThat(partner.locator("#maturity-areas tbody tr").first()).containsText("+");
			partner.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("maturity-partner.png")));
		}
	}

}
