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
 * Headless Chromium: the program admin finds the demo's exchange rates on the exchange
 * rates page, sends a form with a bad currency and a bad rate and sees both errors at
 * once beside their fields with what was typed, then saves a good rate.
 */
@TrellisTest
class ExchangeRateBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSeesTheRatesAndEveryBadFieldAtOnceBesideItThenSavesARate() {
		long before = this.jdbc.sql("SELECT count(*) FROM exchange_rate").query(Long.class).single();
		try (var context = chromium.context(1360, 1000)) {
			var admin = context.newPage();
			chromium.signIn(admin, "admin@trellis.demo", "demo");
			admin.navigate(chromium.url("/admin/exchange-rates"));
			// the demo starts with rates: the table is not empty
			assertThat(admin.locator("#rates tbody tr")).not().hasCount(0);
			assertThat(admin.locator("#rates")).containsText("EUR");

			admin.locator("#rate-form input[name=currency]").fill("QQQ");
			admin.locator("#rate-form input[name=toReporting]").fill("1,5");
			admin.locator("#rate-form button[type=submit]").click();

			var currency = admin.locator("#rate-form input[name=currency]");
			var rate = admin.locator("#rate-form input[name=toReporting]");
			assertThat(currency).hasAttribute("aria-invalid", "true");
			assertThat(rate).hasAttribute("aria-invalid", "true");
			assertThat(currency).hasValue("QQQ");
			assertThat(rate).hasValue("1,5");
			assertThat(admin.locator("#rate-form small.error")).hasCount(2);
			admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("exchange-rates-refused.png")));
			assertThat(this.jdbc.sql("SELECT count(*) FROM exchange_rate").query(Long.class).single())
				.isEqualTo(before);

			currency.fill("ISK");
			rate.fill("0.0072");
			admin.locator("#rate-form button[type=submit]").click();
			assertThat(admin.locator("#rate-saved")).isVisible();
			assertThat(admin.locator("#rates")).containsText("ISK");
		}
	}

}
