package com.trellis.web;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
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

	/** The login form's CSRF field. */
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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
		// a page that waits on a background job (an import's check polls every second)
		// may take longer than Playwright's 5 s under two test JVMs on two cores:
		// ImportBrowserTests failed so, its check still "Running" with 0 rows read; a
		// passing assertion returns as soon as it holds, whatever the timeout
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
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
	 * Signs in as the login form does, without drawing the form: the page's browser
	 * context sends the form's two requests itself ({@code GET /login} for the form's
	 * CSRF token, then {@code POST /login} with the e-mail, the password and the token,
	 * whose new session cookie the context keeps), and the page opens where the server
	 * sends the signed-in user, where the form's sign-in lands too. The server sees the
	 * same requests and makes a new session as for the form; what is skipped is the
	 * browser drawing the login page and typing into it (0.3 s of a 0.6 s sign-in at a
	 * load of 4, docs/performance.md, "st41"). Where signing in through the form is what
	 * a test checks, it calls {@link #signInThroughForm}.
	 * @throws IllegalStateException if the server refuses the sign-in (it sends the user
	 * back to the login page)
	 */
	void signIn(Page page, String email, String password) {
		var requests = page.context().request();
		var form = requests.get(url("/login"));
		var token = CSRF.matcher(form.text());
		if (form.status() != 200 || !token.find()) {
			throw new IllegalStateException("no sign-in form at /login: " + form.status());
		}
		var signedIn = requests.post(url("/login"), RequestOptions.create()
			.setForm(FormData.create().set("username", email).set("password", password).set("_csrf", token.group(1)))
			.setMaxRedirects(0));
		var to = signedIn.headers().get("location");
		if (signedIn.status() != 302 || to == null || to.contains("/login")) {
			throw new IllegalStateException(
					"the sign-in of " + email + " was refused: " + signedIn.status() + " to " + to);
		}
		page.navigate(to.startsWith("http") ? to : url(to));
		page.waitForURL(url -> !url.contains("/login"));
	}

	/**
	 * Signs in through the login form, filled and submitted in the page, and waits until
	 * the browser has left the login page.
	 */
	void signInThroughForm(Page page, String email, String password) {
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
