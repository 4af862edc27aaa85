package com.trellis.web;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
 * each of the two dozen classes paid before (docs/performance.md, "Test suite time"). A
 * test opens a {@link #context(int, int) context}, takes its page and closes it when
 * done: the page is one tab kept for the JVM, because a new browser context starts a new
 * renderer process for its first page, the largest part of a short browser test after its
 * own pages and screenshots (docs/performance.md, "Test suite time (suite18)"). What a
 * new context gave a test is put back when the context closes: the tab leaves the
 * application for {@code about:blank} (nothing of the page keeps running), its cookies
 * (the session) and the application's local and session storage are cleared, and the next
 * context sets its own viewport. Each test therefore still starts signed out with nothing
 * stored. A context opened while another is open gets a new browser context of its own,
 * closed with it. Register it as a static field with
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 */
final class Chromium implements BeforeAllCallback {

	private static Playwright playwright;

	private static Browser browser;

	private static boolean hooked;

	/** The kept tab's browser context and page, made on first use. */
	private static BrowserContext keptContext;

	private static Page keptPage;

	private static boolean keptInUse;

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
		keptContext = null;
		keptPage = null;
		keptInUse = false;
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

	/**
	 * A browser context with a {@code width} × {@code height} viewport whose page is the
	 * JVM's kept tab (a new browser context if the tab is in use), signed out and with
	 * nothing stored. Close it when the test is done with it.
	 */
	Context context(int width, int height) {
		synchronized (Chromium.class) {
			var shared = shared();
			if (!keptInUse) {
				if (keptPage == null || keptPage.isClosed()) {
					keptContext = shared.newContext();
					keptPage = keptContext.newPage();
				}
				keptInUse = true;
				keptPage.setViewportSize(width, height);
				return new Context(keptContext, keptPage, true);
			}
			var own = shared.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
			return new Context(own, own.newPage(), false);
		}
	}

	/** A context with Playwright's default viewport, 1280 × 720. */
	Context context() {
		return context(1280, 720);
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

	/**
	 * A test's browser context: its one page, and on close either the kept tab put back
	 * (signed out, storage cleared, on {@code about:blank}) or its own context closed.
	 */
	static final class Context implements AutoCloseable {

		private final BrowserContext context;

		private final Page page;

		private final boolean kept;

		private Context(BrowserContext context, Page page, boolean kept) {
			this.context = context;
			this.page = page;
			this.kept = kept;
		}

		/** The context's page (one per context: every browser test uses one). */
		Page newPage() {
			return this.page;
		}

		@Override
		public void close() {
			if (!this.kept) {
				this.context.close();
				return;
			}
			synchronized (Chromium.class) {
				try {
					if (!this.page.isClosed() && this.page.url().startsWith("http")) {
						this.page
							.evaluate("() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) { } }");
					}
					if (!this.page.isClosed()) {
						this.page.navigate("about:blank");
					}
					this.context.clearCookies();
				}
				catch (RuntimeException ex) {
					// a tab that cannot be put back is not used again
					if (keptContext == this.context) {
						keptContext = null;
						keptPage = null;
					}
					try {
						this.context.close();
					}
					catch (RuntimeException gone) {
						// the browser went away: the next context launches it again
					}
				}
				finally {
					keptInUse = false;
				}
			}
		}

	}

}
