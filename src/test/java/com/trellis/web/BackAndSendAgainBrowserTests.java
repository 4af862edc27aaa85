package com.trellis.web;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner sends a lead, then presses Back in Chromium: the lead form, which comes back
 * to its own page with a new token, is shown empty (the browser does not put the sent
 * text back), so sending it again is a new, deliberate lead, and no copy of the first is
 * made by the Back button.
 */
@TrellisTest
class BackAndSendAgainBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void afterSendingALeadTheBackButtonShowsAnEmptyFormAndTheLeadIsSentOnce() {
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			chromium.signIn(page, "partner@northwind.demo", "demo");
			page.navigate(chromium.url("/leads"));
			page.locator("#submit-lead summary").click();
			page.locator("#submit-lead input[name=companyName]").fill("Back Button Lead Co");
			page.locator("#submit-lead input[name=contactName]").fill("Jo Back");
			page.locator("#submit-lead-button").click();
			page.waitForLoadState();
			assertThat(page.locator("body")).containsText("Lead submitted");

			page.goBack();
			page.waitForLoadState();
			assertThat(page.locator("#submit-lead input[name=companyName]")).hasValue("");
			assertThat(this.jdbc.sql("SELECT count(*) FROM partner_lead WHERE company_name = 'Back Button Lead Co'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

}
