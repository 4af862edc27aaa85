package com.trellis.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone width, 390 px (issue 13 item 11): no page a PAM or a partner user reaches from
 * their home scrolls sideways, the navigation opens from a Menu button with Sign out in
 * reach, and tables scroll inside their card, also at desktop width (adoption). Each
 * role's home is photographed at 390 and 1280 px under target/screenshots (the first
 * screen at each width; BrowserTests keeps each role's whole home page).
 */
@TrellisTest
class PhoneLayoutBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Pattern LINK = Pattern.compile("href=\"(/[a-z-]+(?:/[a-z0-9-]+)*(?:\\?[^\"#]*)?)\"");

	private static final String SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth";

	/** The widest elements past the right edge, to say what overflows. */
	private static final String CULPRITS = """
			() => {
			  const wide = e => e.getBoundingClientRect().right > window.innerWidth + 1;
			  return [...document.querySelectorAll('body *')]
			    .filter(e => wide(e) && !e.closest('.table-scroll') && ![...e.children].some(wide))
			    .slice(0, 3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' "'
			      + (e.textContent || '').trim().slice(0, 30) + '" ' + Math.round(e.getBoundingClientRect().right))
			    .join(', ');
			}
			""";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "pam@trellis.demo", "partner@northwind.demo" })
	void noPageLinkedFromTheHomeScrollsSidewaysAtPhoneWidth(String email) {
		try (var context = chromium.context(390, 844)) {
			var page = context.newPage();
			chromium.signIn(page, email, "demo");
			var pages = new LinkedHashSet<String>();
			pages.add("/");
			var links = LINK.matcher(page.content().replace("&amp;", "&"));
			while (links.find()) {
				var path = links.group(1);
				if (!path.startsWith("/logout") && !path.startsWith("/css") && !path.startsWith("/js")
						&& !path.startsWith("/webjars") && !path.contains(".csv") && !path.contains(".pdf")) {
					pages.add(path);
				}
			}
			assertThat(pages).hasSizeGreaterThan(10);
			var sideways = new ArrayList<String>();
			for (var path : pages) {
				var response = page.navigate(chromium.url(path));
				if (response == null || !response.headers().getOrDefault("content-type", "").startsWith("text/html")) {
					continue;
				}
				page.waitForLoadState();
				var overflow = ((Number) page.evaluate(SIDEWAYS)).intValue();
				if (overflow > 0) {
					sideways.add(path + " +" + overflow + "px (" + page.evaluate(CULPRITS) + ")");
				}
			}
			assertThat(sideways).as("pages wider than a 390 px phone").isEmpty();
		}
	}

	@Test
	void onAPhoneTheMenuButtonOpensTheNavigationAndSignOutIsInReach() {
		try (var context = chromium.context(390, 844)) {
			var page = context.newPage();
			chromium.signIn(page, "pam@trellis.demo", "demo");
			var signOut = page.locator("header button:has-text('Sign out')");
			assertThat(signOut).isHidden();
			page.locator("#menu-button").click();
			assertThat(signOut).isVisible();
			var box = signOut.boundingBox();
			assertThat(box.x + box.width).isLessThanOrEqualTo(390);
			signOut.click();
			page.waitForURL(url -> url.contains("/login"));
		}
	}

	@Test
	void theAdoptionTableScrollsInsideItsCardAtDesktopWidth() {
		try (var context = chromium.context(1280, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/adoption"));
			assertThat(((Number) page.evaluate(SIDEWAYS)).intValue()).isLessThanOrEqualTo(0);
			var tables = page.locator("main table");
			assertThat(tables.count()).isPositive();
			for (int i = 0; i < tables.count(); i++) {
				var scroller = tables.nth(i).locator("xpath=..");
				var card = tables.nth(i).locator("xpath=ancestor::article[1] | ancestor::main[1]").last();
				assertThat(scroller.boundingBox().x + scroller.boundingBox().width)
					.isLessThanOrEqualTo(card.boundingBox().x + card.boundingBox().width + 1);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "admin@trellis.demo", "pam@trellis.demo", "ae@trellis.demo", "manager@trellis.demo",
			"exec@trellis.demo", "partner@northwind.demo" })
	void eachRolesHomeIsPhotographedAtPhoneAndDesktopWidth(String email) {
		for (int width : List.of(390, 1280)) {
			try (var context = chromium.context(width, width == 390 ? 844 : 900)) {
				var page = context.newPage();
				chromium.signIn(page, email, "demo");
				assertThat(page.locator("#home-heading")).isVisible();
				assertThat(((Number) page.evaluate(SIDEWAYS)).intValue()).as(email + " at " + width)
					.isLessThanOrEqualTo(0);
				page.screenshot(new Page.ScreenshotOptions().setPath(
						SCREENSHOTS.resolve("home-" + email.substring(0, email.indexOf('@')) + "-" + width + ".png")));
			}
		}
	}

}
