package com.trellis.web;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Debian headless Chromium that the browser tests drive, launched once per test class
 * and closed after it. Register it as a static field with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private Playwright playwright;

	private Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.playwright = Playwright.create();
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	Browser browser() {
		return this.browser;
	}

	/**
	 * Signs in through the login form of the application at {@code baseUrl} and waits
	 * until the browser has left the login page.
	 */
	static void signIn(Page page, String baseUrl, String email, String password) {
		page.navigate(baseUrl + "/login");
		page.locator("input[name=username]").fill(email);
		page.locator("input[name=password]").fill(password);
		page.locator("button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
	}

}
