package com.trellis.web;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The Debian headless Chromium that the browser tests drive, pointed at the application
 * the test's Spring context started. One browser serves every test class of the JVM
 * (launched by the first, closed when the JVM ends; launched again if it went away):
 * Playwright's driver and a Chromium cost about 4.5 s of CPU to start and stop, which
 * each of the two dozen classes paid before (docs/performance.md, "Test suite time").
 * Each test still opens its own browser context (its own cookies and storage) and closes
 * it, so no class sees another's session. Register it as a static field with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 */
final class Chromium implements BeforeAllCallback {

	private static Playwright playwright;

	private static Browser browser;

	private static boolean hooked;

	private String baseUrl;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.baseUrl = "http://localhost:" + SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port");
		shared();
	}

	/** The JVM's browser, launched on first use or when the last one is gone. */
	private static synchronized Browser shared() {
		if (browser != null && browser.isConnected()) {
			return browser;
		}
		close();
		playwright = Playwright.create();
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
		if (!hooked) {
			Runtime.getRuntime().addShutdownHook(new Thread(Chromium::close, "chromium-close"));
			hooked = true;
		}
		return browser;
	}

	private static synchronized void close() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	Browser browser() {
		return shared();
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
