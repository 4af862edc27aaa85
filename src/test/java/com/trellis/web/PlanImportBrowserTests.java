package com.trellis.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The account plans import in headless Chromium: the admin exports the demo's plans from
 * the plans page, spoils one action's side, uploads the file on the Trellis formats page
 * and sees that row's error with its column, value and why; importing it writes nothing.
 */
@TrellisTest
class PlanImportBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdminUploadsTheExportedPlansWithOneBadRowAndSeesTheRowError() throws Exception {
		String before = sides();
		try (var context = chromium.context(1360, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/account-plans"));
			var download = page.waitForDownload(() -> page.locator("a[href='/account-plans/export.csv']").click());
			var csv = Files.readString(download.path(), StandardCharsets.UTF_8);
			var lines = csv.split("\r\n", -1);
			// the first row with an action (a plan of the shared test data may have none)
			int bad = 1;
			while (!lines[bad].matches(".*,[0-9]+,[^,]*,(VENDOR|PARTNER),.*")) {
				bad++;
			}
			lines[bad] = lines[bad].replaceFirst(",(VENDOR|PARTNER),", ",SOMEONE,");
			var where = "row " + (bad + 1) + ": side";
			var file = Files.createTempFile("account-plans", ".csv");
			Files.writeString(file, String.join("\r\n", lines), StandardCharsets.UTF_8);

			page.navigate(chromium.url("/imports"));
			// the Trellis formats are a link on the Import page, not an entry of the menu
			page.locator("main a[href='/imports/trellis']").first().click();
			var form = page.locator("#format-upload");
			form.locator("select[name=format]").selectOption("plans");
			form.locator("input[name=file]").setInputFiles(file);
			form.locator("button[value=check]").click();
			var errors = page.locator("#format-errors");
			assertThat(errors).containsText(where);
			assertThat(errors).containsText("'SOMEONE' is not one of [VENDOR, PARTNER]");
			assertThat(errors.locator("tbody tr")).hasCount(1);
			assertThat(page.locator("#format-report"))
				.containsText(Pattern.compile("0 new, 0 updated, [0-9]+ unchanged"));
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "plans-import-check.png")));

			page.locator("#format-upload select[name=format]").selectOption("plans");
			page.locator("#format-upload input[name=file]").setInputFiles(file);
			page.locator("#format-upload button[value=import]").click();
			assertThat(page.locator("#format-errors")).containsText(where);
			Files.delete(file);
		}
		org.assertj.core.api.Assertions.assertThat(sides()).isEqualTo(before);
	}

	private String sides() {
		return String.join(",",
				this.jdbc.sql("SELECT id || side || status FROM account_plan_action ORDER BY id")
					.query(String.class)
					.list());
	}

}
