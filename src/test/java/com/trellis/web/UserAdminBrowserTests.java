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
 * Headless Chromium: the program admin creates a rep through the Users pages (choosing a
 * one-time password over the e-mailed link), and the rep signs in with it and must choose
 * their own on their profile, under the password rule, before anything else.
 */
@TrellisTest
class UserAdminBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void theAdminCreatesARepWhoThenChoosesTheirOwnPassword() {
		String password;
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			Navigation.follow(page, "a[href='/admin/users']");
			assertThat(page.locator("h1")).hasText("Users");
			page.locator("#new-user").click();

			page.locator("input[name=displayName]").fill("Robin Browser");
			page.locator("input[name=email]").fill("not-an-address");
			page.locator("button[type=submit]:has-text('Create the user')").click();
			assertThat(page.locator("#form-errors")).isVisible();
			assertThat(page.locator("input[name=email] + small.error")).isVisible();

			page.locator("input[name=email]").fill("robin.browser@trellis.example");
			page.locator("select[name=role]").selectOption("AE");
			page.locator("input[name=team]").fill("West");
			page.locator("select[name=managerId]").selectOption(new SelectOption().setIndex(1));
			page.locator("input[name=jobRole]").fill("Account executive");
			assertThat(page.locator("input[name=initialPassword][value=EMAIL_LINK]")).isChecked();
			page.locator("input[name=initialPassword][value=ONE_TIME_PASSWORD]").check();
			page.locator("button[type=submit]:has-text('Create the user')").click();

			assertThat(page.locator("#user-heading")).hasText("Robin Browser");
			assertThat(page.locator("#user-status")).hasText("Active");
			password = page.locator("#one-time-password").textContent().strip();
			assertThat(password).hasSize(20);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-user-created.png")));

			page.reload();
			assertThat(page.locator("#one-time-password")).hasCount(0);
			page.navigate(chromium.url("/admin/users?q=robin.browser"));
			assertThat(page.locator("#users tbody tr")).hasCount(1);
			assertThat(page.locator("#users tbody tr td").nth(2)).hasText("Account executive");
		}
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signInThroughForm(page, "robin.browser@trellis.example", password);
			assertThat(page.locator("#must-change")).isVisible();
			page.navigate(chromium.url("/opportunities"));
			assertThat(page.locator("h1")).hasText("Your profile");
			assertThat(page.locator("#must-change")).isVisible();
			assertThat(page.locator("#profile-email")).hasText("robin.browser@trellis.example");
			var tooLong = "€".repeat(25);
			page.locator("input[name=currentPassword]").fill(password);
			page.locator("input[name=password]").fill(tooLong);
			page.locator("input[name=confirmPassword]").fill(tooLong);
			page.locator("#password-form button[type=submit]").click();
			assertThat(page.locator("input[name=password] ~ small.error")).containsText("72 bytes");
			page.locator("input[name=currentPassword]").fill(password);
			page.locator("input[name=password]").fill("robin's own passphrase");
			page.locator("input[name=confirmPassword]").fill("robin's own passphrase");
			page.locator("#password-form button[type=submit]").click();
			assertThat(page.locator("p.notice")).containsText("Password changed");
			assertThat(page.locator("#must-change")).hasCount(0);
			page.locator("nav a.brand").click();
			assertThat(page.locator("#home-heading")).hasText("My pipeline");
		}
	}

}
