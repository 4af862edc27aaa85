package com.trellis.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The lists that filter as the reader types or chooses, in headless Chromium: each swaps
 * its results in place, so the page holds exactly one {@code #results} after filtering
 * (the answer's own {@code <div id="results">} used to land inside the old one), and the
 * deal registrations filter live like the others while their button still works without
 * JavaScript.
 */
@TrellisTest
class ListFilterBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void everyLiveFilteredListHoldsOneResultsAfterFiltering() {
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			filterBy(page, "/partners", "select[name=lifecycle]", "lifecycle=");
			filterBy(page, "/opportunities", "select[name=stage]", "stage=");
			filterBy(page, "/leads", "select[name=status]", "status=");
			filterBy(page, "/registrations", "select[name=status]", "status=");
			filterBy(page, "/plays", "select[name=moment]", "moment=");
			filterBy(page, "/account-plans", "select[name=status]", "status=");

			page.navigate(chromium.url("/accounts"));
			page.locator("form.filters input[name=q]").pressSequentially("a");
			page.waitForURL("**q=a**");
			assertThat(page.locator("[id=results]")).hasCount(1);
		}
	}

	@Test
	void theRegistrationsFilterAsTheReaderChoosesAndTheButtonWorksWithoutJavaScript() {
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/registrations"));
			// no button to press when scripts run: the choice alone filters
			assertThat(page.locator("form.filters button")).hasCount(0);
			page.locator("select[name=status]").selectOption("PENDING");
			page.waitForURL("**status=PENDING**");
			pendingOnly(page);
		}
		var plain = chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
		try {
			var page = plain.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/registrations"));
			page.locator("select[name=status]").selectOption("PENDING");
			page.locator("form.filters button[type=submit]").click();
			page.waitForURL("**status=PENDING**");
			pendingOnly(page);
		}
		finally {
			plain.close();
		}
	}

	/**
	 * The SLA-breaches view and a page size survive choosing a status (htmx sends the
	 * form's fields alone: the view was dropped), on the registrations and on the other
	 * live-filtered lists.
	 */
	@Test
	void liveFilteringKeepsTheViewAndPageSizeTheListWasOpenedWith() {
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/registrations?breached=true&size=5"));
			page.locator("select[name=status]").selectOption("APPROVED");
			page.waitForURL("**status=APPROVED**");
			org.assertj.core.api.Assertions.assertThat(page.url()).contains("breached=true").contains("size=5");
			// a breach awaits approval: none is approved
			assertThat(page.locator("#registrations-empty")).isVisible();
			page.locator("select[name=status]").selectOption("PENDING");
			page.waitForURL("**status=PENDING**");
			org.assertj.core.api.Assertions.assertThat(page.url()).contains("breached=true").contains("size=5");
			// every row listed is an overdue one, at most five of them
			var rows = page.locator("#registrations tbody tr").count();
			org.assertj.core.api.Assertions.assertThat(rows).isLessThanOrEqualTo(5);
			assertThat(page.locator("#registrations tbody td span.error")).hasCount(rows);

			page.navigate(chromium.url("/partners?desc=true&size=3"));
			page.locator("select[name=lifecycle]").selectOption("ACTIVE");
			page.waitForURL("**lifecycle=ACTIVE**");
			org.assertj.core.api.Assertions.assertThat(page.url()).contains("desc=true").contains("size=3");
			assertThat(page.locator("[id=results] tbody tr")).hasCount(3);
		}
	}

	/** Every row's status is Pending (the conflict badge aside), and there are rows. */
	private static void pendingOnly(Page page) {
		assertThat(page.locator("#registrations tbody .badge.PENDING").first()).isVisible();
		assertThat(page.locator("#registrations tbody .badge:not(.CLOSED_LOST):not(.PENDING)")).hasCount(0);
	}

	private static void filterBy(Page page, String path, String select, String inUrl) {
		page.navigate(chromium.url(path));
		assertThat(page.locator("[id=results]")).hasCount(1);
		page.locator(select).selectOption(new SelectOption().setIndex(1));
		page.waitForURL("**" + inUrl + "**");
		// the swap is done once the address changed (htmx pushes it after swapping)
		assertThat(page.locator("[id=results]")).hasCount(1);
		assertThat(page.locator("[id=results] [id=results]")).hasCount(0);
	}

}
