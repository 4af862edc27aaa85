package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guidance in headless Chromium: the demo PAM's home page leads with the recommendations
 * raised on the demo's first start, and the PAM accepts one there.
 */
@TrellisTest
class GuidanceBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPamAcceptsARecommendationFromTheHomePage() {
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "pam@trellis.demo", "demo");
			var first = page.locator("#guidance-top article.recommendation").first();
			assertThat(first).isVisible();
			assertThat(first.locator("p.reason")).not().isEmpty();
			var id = first.getAttribute("id");
			var title = first.locator("header strong").textContent();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("guidance-home.png")));

			first.locator("button.accept").click();

			assertThat(page.locator("#home-heading")).isVisible();
			assertThat(page.locator("#" + id)).hasCount(0);
			long recommendation = Long.parseLong(id.substring("recommendation-".length()));
			assertThat(this.jdbc.sql("SELECT state FROM guidance_recommendation WHERE id = :id")
				.param("id", recommendation)
				.query(String.class)
				.single()).isEqualTo("ACCEPTED");
			page.navigate(chromium.url("/guidance"));
			assertThat(page.locator("#guidance-handled")).containsText(title);
		}
	}

}
