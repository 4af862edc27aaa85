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
 * Sales plays in headless Chromium: an account executive opens one of their open partner
 * deals and attaches a play from the library; the admin's play form names every bad field
 * at once and keeps what was typed.
 */
@TrellisTest
class PlaysBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountExecutiveOpensADealAndAttachesAPlay() {
		var deal = this.jdbc.sql("""
				SELECT o.id FROM opportunity o JOIN app_user u ON u.id = o.owner_id
				WHERE u.email = 'ae@trellis.demo' AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				  AND o.partner_id IS NOT NULL
				  AND (SELECT count(*) FROM play_use p WHERE p.opportunity_id = o.id) < (SELECT count(*) FROM play)
				ORDER BY o.id LIMIT 1
				""").query(Long.class).single();
		try (var context = chromium.context(1360, 1000)) {
			var ae = context.newPage();
			chromium.signIn(ae, "ae@trellis.demo", "demo");
			ae.navigate(chromium.url("/opportunities/" + deal));
			var form = ae.locator("#attach-play");
			var choice = form.locator("select[name=playId] option").first();
			var title = choice.textContent().replaceAll(" \\([^)]*\\)$", "");
			form.locator("select[name=playId]").selectOption(choice.getAttribute("value"));
			form.locator("input[name=note]").fill("Walked the CIO through it on Tuesday");
			form.locator("button[type=submit]").click();
			assertThat(ae.locator("p.notice")).containsText("Play attached");
			var used = ae.locator("#deal-plays tr:has-text('Walked the CIO through it on Tuesday')");
			assertThat(used).containsText(title);
			ae.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("plays-deal.png")));
		}
	}

	@Test
	void theAdminsPlayFormNamesEveryBadFieldAtOnceAndKeepsWhatWasTyped() {
		try (var context = chromium.context(1360, 1000)) {
			var admin = context.newPage();
			chromium.signIn(admin, "admin@trellis.demo", "demo");
			admin.navigate(chromium.url("/plays/new"));
			admin.locator("input[name=title]").fill("Reference call with a peer");
			admin.locator("#play-form button[type=submit]").click();
			var form = admin.locator("#play-form");
			assertThat(form.locator("small.error")).hasCount(7);
			assertThat(admin.locator("input[name=title]")).hasValue("Reference call with a peer");
			admin.locator("select[name=moment]").selectOption("OBJECTION");
			admin.locator("select[name=role]").selectOption("AE");
			admin.locator("input[name=buyer]").fill("The economic buyer");
			admin.locator("textarea[name=whyPartner]").fill("The partner runs it at a peer");
			admin.locator("textarea[name=whenToBring]").fill("When references are asked for");
			admin.locator("textarea[name=problem]").fill("Fear of a failed rollout");
			admin.locator("input[name=partnerTypes][value=SI]").check();
			admin.locator("#play-form button[type=submit]").click();
			assertThat(admin.locator("p.notice")).containsText("Play written");
			assertThat(admin.locator("h1")).hasText("Reference call with a peer");
		}
	}

}
