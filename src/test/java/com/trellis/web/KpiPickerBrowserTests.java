package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI breakdown picked in headless Chromium (issue 13, item 10): a PAM, a partner and
 * a tier are chosen by name from what exists, narrowed by typing; a name typed into the
 * address instead of picked is answered with a 400 page that keeps the layout.
 */
@TrellisTest
class KpiPickerBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anAdminBreaksTheKpisDownByAPamAPartnerAndATierPickedByName() {
		try (var context = chromium.context(1360, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/metrics"));
			pick(page, "PAM", "Priya", "Priya Patel");
			assertThat(page.url()).containsPattern("slice=PAM&sliceValue=\\d+");
			assertThat(page.locator("select[name=sliceValue] option:checked")).hasText("Priya Patel");

			pick(page, "PARTNER", "Northwind", "Northwind Systems");
			assertThat(page.url()).containsPattern("slice=PARTNER&sliceValue=\\d+");
			assertThat(page.locator("select[name=sliceValue] option:checked")).hasText("Northwind Systems");

			pick(page, "TIER", "", "Tier 1 · Invest");
			assertThat(page.url()).contains("sliceValue=TIER_1_INVEST");
			assertThat(page.locator("tr[data-code=ACTIVE_PARTNER_RATE] td.num span")).not().hasText("—");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("kpi-tier-1.png")));

			var typed = page.navigate(chromium.url("/metrics?slice=PAM&sliceValue=Priya%20Patel"));
			assertThat(typed.status()).isEqualTo(400);
			assertThat(page.locator("#bad-fields li[data-field=sliceValue]")).containsText("Slice value");
			assertThat(page.locator("nav")).isVisible();
		}
	}

	@Test
	void aPartnerFoundOnTheServerIsTheOneShownWithoutPickingItByHand() {
		try (var context = chromium.context(1360, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/metrics"));
			page.locator("select[name=slice]").selectOption("PARTNER");
			// the last partner by name (not among the 50 the page lists before a search)
			// whose name no other partner's contains, so the search finds it first
			// whatever
			// other classes created (e.g. "Waiting Partners" and "Browser Waiting
			// Partners")
			var name = this.jdbc.sql("""
					SELECT name FROM partner p WHERE NOT EXISTS (SELECT 1 FROM partner o
					  WHERE o.id <> p.id AND strpos(lower(o.name), lower(p.name)) > 0)
					ORDER BY name DESC, id DESC LIMIT 1""").query(String.class).single();
			page.locator("input[data-slice-search]").fill(name);
			var value = page.locator("select[name=sliceValue]");
			assertThat(value.locator("optgroup[data-kind=PARTNER] option").first()).hasText(name);
			// the option chosen is the partner's, not another kind's option with the same
			// id
			assertThat(value.locator("option:checked")).hasText(name);
			page.locator("form.filters button[type=submit]").click();
			page.waitForURL("**slice=PARTNER&**");
			assertThat(page.locator("h1")).hasText("Program KPIs");
			assertThat(value.locator("option:checked")).hasText(name);

			// narrowed by a search, then another kind and back: the first fifty again,
			// not the search's answer under an empty box (try46)
			page.locator("input[data-slice-search]").fill(name);
			assertThat(value.locator("optgroup[data-kind=PARTNER] option")).hasCount(1);
			page.locator("select[name=slice]").selectOption("TIER");
			page.locator("select[name=slice]").selectOption("PARTNER");
			assertThat(page.locator("input[data-slice-search]")).hasValue("");
			assertThat(value.locator("optgroup[data-kind=PARTNER] option")).hasCount(50);
		}
	}

	private static void pick(Page page, String kind, String typed, String label) {
		page.locator("select[name=slice]").selectOption(kind);
		var search = page.locator("input[data-slice-search]");
		assertThat(search).isVisible();
		search.fill(typed);
		var value = page.locator("select[name=sliceValue]");
		assertThat(value.locator("optgroup[data-kind=" + kind + "] option:not([hidden])").first()).isAttached();
		value.selectOption(new SelectOption().setLabel(label));
		page.locator("form.filters button[type=submit]").click();
		page.waitForURL("**slice=" + kind + "&**");
		assertThat(page.locator("h1")).hasText("Program KPIs");
	}

}
