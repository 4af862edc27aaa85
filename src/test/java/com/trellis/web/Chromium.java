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

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The Debian headless Chromium that the browser tests drive, launched once per test class
 * and closed after it, pointed at the application the test's Spring context started.
 * Register it as a static field with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private Playwright playwright;

	private Browser browser;

	private String baseUrl;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.baseUrl = "http://localhost:" + SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
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

	/** The address of {@code path} in the running application. */
	String url(String path) {
		return this.baseUrl + path;
	}

	/**
	 * Signs in through the login form and waits until the browser has left the login
	 * page.
	 */
	void signIn(Page page, String email, String password) {
		page.navigate(url("/login"));
		page.locator("input[name=username]").fill(email);
		page.locator("input[name=password]").fill(password);
		page.locator("button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
	}

}
