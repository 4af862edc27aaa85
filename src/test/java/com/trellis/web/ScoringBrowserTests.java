package com.trellis.web;

import java.math.BigDecimal;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Headless Chromium: a PAM opens the book of scores (chart, table, high-potential and
 * drifting lists) and a partner's scorecard with its history chart.
 */
@TrellisTest
class ScoringBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	com.trellis.shared.PageFigureStore figures;

	@Test
	void aPamOpensTheHighPotentialListAndAPartnersScorecard() {
		long pam = this.jdbc.sql("SELECT id FROM app_user WHERE email = 'pam@trellis.demo'").query(Long.class).single();
		long partner = this.fixtures.partner("Quiet Achievers", pam);
		var week = this.jdbc.sql("SELECT max(week_start) FROM partner_score_week")
			.query(java.time.LocalDate.class)
			.single();
		for (var pillar : new String[] { "READINESS", "BEHAVIOUR" }) {
			this.jdbc
				.sql("""
						INSERT INTO partner_score_week (partner_id, week_start, fiscal_week, as_of, pillar, score, computed_at)
						VALUES (:partner, :week, 'FY-test', :week, :pillar, :score, now())
						""")
				.param("partner", partner)
				.param("week", week)
				.param("pillar", pillar)
				.param("score", new BigDecimal("99.0"))
				.update();
		}
		// the page reads the list the daily job stored (issue 15): without it, as here
		// after
		// scores written straight to the table, it computes the list for the request
		this.figures.clear(com.trellis.scoring.PartnerIntelligence.HIGH_POTENTIAL);
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "pam@trellis.demo", "demo");
			page.navigate(chromium.url("/scores?sort=behaviour"));
			assertThat(page.locator("#book-chart")).isVisible();
			assertThat(page.locator("#high-potential")).containsText("Quiet Achievers");
			assertThat(page.locator("#high-potential")).containsText("no partner-involved pipeline");
			assertThat(page.locator("#drifting")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("scores-book-pam.png")));
			page.locator("#score-book tbody tr")
				.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasNotText("Quiet Achievers"))
				.first()
				.locator("a")
				.click();
			assertThat(page.locator("h1")).containsText("Scorecard");
			assertThat(page.locator("#score-history")).isVisible();
			assertThat(page.locator("#score-BEHAVIOUR")).containsText("Behaviour");
			assertThat(page.locator("#score-BEHAVIOUR .basis"))
				.containsText(java.util.regex.Pattern.compile("[Dd]efault rubric|Weights learned"));
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("scorecard-pam.png")));
		}
	}

}
