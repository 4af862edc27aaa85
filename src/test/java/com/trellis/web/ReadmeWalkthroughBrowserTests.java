package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 13 item 15: the README's "Try the partner flow", step by step as a newcomer reads
 * it, on the demo's own users and data.
 */
@TrellisTest
class ReadmeWalkthroughBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void theReadmesPartnerFlowDoesWhatItSaysStepByStep() {
		try (var context = chromium.context(1360, 1000)) {
			var page = context.newPage();
			// 1. the partner's own portal
			chromium.signIn(page, "partner@northwind.demo", "demo");
			assertThat(page.locator("#home-heading")).hasText("Northwind Systems");
			assertThat(page.locator("#portal-colleagues")).isVisible();

			// 2. the entry gate names each empty field; then the demo's Fabrikam account
			page.locator("#portal-actions a:has-text('Register a deal')").click();
			page.locator("#registration-form button[type=submit]").click();
			assertThat(page.locator("small.error").first()).isVisible();
			page.locator("input[name=customerName]").fill("Fabrikam Freight Systems");
			page.locator("input[name=customerDomain]").fill("fabrikam-freight.com");
			page.locator("textarea[name=customerNeed]").fill("Replace the freight booking system");
			page.locator("input[name=amount]").fill("48000");
			page.locator("input[name=expectedCloseDate]").fill("2027-03-31");
			page.locator("#registration-form button[type=submit]").click();
			assertThat(page.locator("#registration-status")).hasText("Awaiting approval");
			page.context().clearCookies();

			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/accounts?q=Fabrikam"));
			assertThat(page.locator("#results tbody tr")).hasCount(1);
			assertThat(page.locator("#results")).containsText("fabrikam-freight.com");
			page.context().clearCookies();

			// 3. Northwind's PAM sees the candidate with its reason and approves
			chromium.signIn(page, "pam@trellis.demo", "demo");
			page.navigate(chromium.url("/registrations"));
			page.locator("#registrations a:has-text('Fabrikam Freight Systems')").first().click();
			assertThat(page.locator("main")).containsText("fabrikam-freight.com");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readme-pam-decides.png")));
			page.locator("#approve").click();
			assertThat(page.locator("#registration-status")).hasText("Approved");
			page.context().clearCookies();

			// 4. the partner's inbox shows the decision; the deal shows its path and
			// credit
			chromium.signIn(page, "partner@northwind.demo", "demo");
			page.navigate(chromium.url("/notifications"));
			assertThat(page.locator("main")).containsText("Fabrikam Freight Systems");
			long deal = this.jdbc
				.sql("SELECT opportunity_id FROM deal_registration WHERE customer_domain = 'fabrikam-freight.com'")
				.query(Long.class)
				.single();
			// the deal opened on the demo's existing Fabrikam account, not on a new one
			org.assertj.core.api.Assertions.assertThat(this.jdbc.sql("""
					SELECT a.name FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.id = ?
					""").param(deal).query(String.class).single()).isEqualTo("Fabrikam Freight Systems");
			org.assertj.core.api.Assertions
				.assertThat(this.jdbc.sql("SELECT count(*) FROM account WHERE web_domain = 'fabrikam-freight.com'")
					.query(Long.class)
					.single())
				.isOne();
			page.navigate(chromium.url("/opportunities/" + deal));
			assertThat(page.locator("main")).containsText("Sourced");
			// 5. the stage is owned by a role: the partner reads whom the deal waits on
			assertThat(page.locator("#waiting-on")).containsText("Priya Patel, PAM");
			page.context().clearCookies();

			// 6. the admin's payout preview lists what is unpaid now
			chromium.signIn(page, "admin@trellis.demo", "demo");
			page.navigate(chromium.url("/incentives/payouts"));
			// counted as the preview counts: payable kinds, unpaid, not held, a positive
			// sum
			// per partner and currency (reversals net out)
			long partnersToPay = this.jdbc.sql("""
					SELECT count(*) FROM (SELECT e.partner_id, e.currency FROM incentive_earning e
					WHERE e.kind IN ('SPIFF', 'REFERRAL', 'REBATE', 'MDF_REIMBURSEMENT', 'REVERSAL')
					  AND NOT EXISTS (SELECT 1 FROM payout_item i WHERE i.earning_id = e.id)
					  AND NOT EXISTS (SELECT 1 FROM earning_hold h WHERE h.opportunity_id = e.opportunity_id
					                  AND h.released_at IS NULL)
					GROUP BY e.partner_id, e.currency HAVING sum(e.amount) > 0) payable
					""").query(Long.class).single();
			if (partnersToPay > 0) {
				assertThat(page.locator("#payout-preview tbody tr").first()).isVisible();
			}
			assertThat(page.locator("#payout-runs tbody tr").first()).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("readme-payout-preview.png")));
		}
	}

}
