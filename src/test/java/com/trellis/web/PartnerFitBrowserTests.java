package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The account executive's guidance on a deal in headless Chromium (issue 16): the AE
 * opens one of their open partner deals, sees the partners that fit it ranked with the
 * similar won deals named, and attaches a play recommended for the deal in one click.
 */
@TrellisTest
class PartnerFitBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountExecutiveOpensADealSeesThePartnerFitListAndAttachesARecommendedPlay() {
		// an open partner deal of the demo AE with a play of its stage's moment for its
		// partner's type not used on it yet
		var deal = this.jdbc
			.sql("""
					SELECT o.id FROM opportunity o JOIN app_user u ON u.id = o.owner_id JOIN partner p ON p.id = o.partner_id
					WHERE u.email = 'ae@trellis.demo' AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
					  AND EXISTS (SELECT 1 FROM play pl JOIN play_version v ON v.play_id = pl.id AND v.version = pl.current_version
					              WHERE v.moment = CASE o.stage WHEN 'REGISTERED' THEN 'PROSPECTING'
					                                            WHEN 'QUALIFIED' THEN 'DISCOVERY' ELSE 'OBJECTION' END
					                AND p.type = ANY (v.partner_types) AND cardinality(v.verticals) = 0
					                AND cardinality(v.capabilities) = 0
					                AND NOT EXISTS (SELECT 1 FROM play_use pu WHERE pu.opportunity_id = o.id AND pu.play_id = pl.id))
					ORDER BY o.id LIMIT 1
					""")
			.query(Long.class)
			.single();
		try (var context = chromium.context(1360, 1000)) {
			var ae = context.newPage();
			chromium.signIn(ae, "ae@trellis.demo", "demo");
			ae.navigate(chromium.url("/opportunities/" + deal));

			var fits = ae.locator("#partner-fit-list tr.fit-partner");
			assertThat(fits.first()).isVisible();
			assertThat(fits.first().locator(".fit-reason")).containsText("similar won deal");
			assertThat(fits.first().locator("ul.fit-deals a").first()).isVisible();
			assertThat(fits.first().locator("form.fit-ask button")).isVisible();

			var recommended = ae.locator("#recommended-plays li").first();
			assertThat(recommended.locator(".play-reason")).containsText("moment of a deal at");
			var title = recommended.locator("a").textContent();
			var playId = recommended.getAttribute("data-play");
			recommended.locator("form.attach-recommended button").click();
			assertThat(ae.locator("p.notice")).containsText("Play attached");
			assertThat(ae.locator("#deal-plays")).containsText(title);
			// attached, it is no longer recommended
			assertThat(ae.locator("#plays-panel li[data-play='" + playId + "']")).hasCount(0);
			ae.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("partner-fit-deal.png")));
		}
	}

}
