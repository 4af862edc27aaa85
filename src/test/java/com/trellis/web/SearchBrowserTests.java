package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global search from the navigation and the AE's partner box (issue 13 item 12), in
 * headless Chromium on the demo.
 */
@TrellisTest
class SearchBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void anAeSearchesFromTheNavigationAndRegistersADealByTypingThePartnersName() {
		try (var context = chromium.context(1280, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "ae@trellis.demo", "demo");
			page.locator("#nav-search input[name=q]").fill("Northwind");
			page.locator("#nav-search input[name=q]").press("Enter");
			page.waitForURL("**/search?q=Northwind");
			assertThat(page.locator("#hits-partners")).containsText("Northwind Systems");
			page.screenshot(
					new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("search-ae.png")));

			page.navigate(chromium.url("/registrations/new"));
			assertThat(page.locator("select[name=partnerId]")).hasCount(0);
			page.locator("#partner-box").pressSequentially("Northw");
			assertThat(page.locator("#partner-options option[value='Northwind Systems']")).hasCount(1);
			page.locator("#partner-box").fill("Northwind Systems");
			page.locator("input[name=customerName]").fill("Searchbox Logistics Ltd");
			page.locator("input[name=customerDomain]").fill("searchbox-logistics.com");
			page.locator("textarea[name=customerNeed]")
				.fill("Replace the warehouse planning tool before the peak season");
			page.locator("input[name=amount]").fill("64,000");
			page.locator("input[name=expectedCloseDate]").fill("2027-03-31");
			page.locator("#registration-form button[type=submit]").click();
			page.waitForLoadState();
			page.waitForCondition(
					() -> page.url().matches(".*/registrations/\\d+$") || page.url().endsWith("/registrations"));
			if (!page.url().matches(".*/registrations/\\d+$")) {
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(SCREENSHOTS.resolve("search-ae-registration-refused.png")));
			}
			assertThat(page.locator("main .error").allTextContents()).as(page.url()).isEmpty();
			assertThat(page.url()).matches(".*/registrations/\\d+$");
			assertThat(page.locator("hgroup")).containsText("Northwind Systems");
		}
	}

	@Test
	void aPartnerUserSearchingFindsNoCustomerAccountsAndOnlyItsOwnPartner() {
		try (var context = chromium.context(1280, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "partner@northwind.demo", "demo");
			page.navigate(chromium.url("/search?q=Sys"));
			assertThat(page.locator("#hits-accounts")).hasCount(0);
			var partners = page.locator("#hits-partners li a").allTextContents();
			assertThat(partners).allMatch("Northwind Systems"::equals);
		}
	}

	/**
	 * The header's search box is no field of a list's filter form: typing in it on
	 * {@code /accounts} sends no filter request and leaves the address alone (it did
	 * while the form listened to every input of the page, {@code from:input}); the form's
	 * own field still filters.
	 */
	@Test
	void typingInTheHeaderSearchLeavesTheListFilterAlone() {
		try (var context = chromium.context(1280, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/accounts?page=2"));
			var filtered = new java.util.concurrent.CopyOnWriteArrayList<String>();
			page.onRequest(request -> {
				if (request.url().contains("/accounts?")) {
					filtered.add(request.url());
				}
			});
			page.locator("#nav-search input[name=q]").pressSequentially("Nor");
			// the filter waits 300 ms after the last keystroke
			page.waitForTimeout(900);
			assertThat(filtered).isEmpty();
			assertThat(page.url()).endsWith("/accounts?page=2");

			page.locator("form.filters input[name=q]").pressSequentially("Acme");
			page.waitForURL("**/accounts?q=Acme**");
			assertThat(filtered).isNotEmpty().allMatch(url -> url.contains("q=A"));
		}
	}

}
