package com.trellis.web;

import com.microsoft.playwright.Page;

/**
 * Follows a link of the top navigation as a user does: a link inside a menu group
 * ({@code <details>}) is hidden until its group is opened, so the group is opened first.
 */
final class Navigation {

	private Navigation() {
	}

	/**
	 * Clicks the navigation link matching {@code link} (a CSS selector for the a
	 * element).
	 */
	static void follow(Page page, String link) {
		var group = page.locator("nav details:not([open]):has(" + link + ") > summary");
		if (group.count() > 0) {
			group.first().click();
		}
		page.locator("nav " + link).first().click();
	}

}
