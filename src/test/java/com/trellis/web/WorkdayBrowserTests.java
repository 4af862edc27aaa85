package com.trellis.web;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.trellis.deals.CreditType;
import com.trellis.identity.Role;
import com.trellis.leads.LeadCommand;
import com.trellis.leads.Leads;
import com.trellis.registration.RegistrationCommand;
import com.trellis.registration.Registrations;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The working day of vendor staff in headless Chromium (issue 13, items 1 to 6): notices
 * in the inbox, the home page's queue, no dead ends, lifting a hold, a confirmed payout
 * and a first follow-up that says what happened. Screenshots land in target/screenshots.
 */
@TrellisTest
class WorkdayBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	Fixtures fixtures;

	@Autowired
	Registrations registrations;

	@Autowired
	Leads leads;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPamSeesTheUnreadCountOpensTheInboxAndChoosesTheChannels() {
		var world = this.fixtures.world("Browser Notice Partners");
		this.registrations.register(world.partnerUser(),
				registration("Browser Noticed Freight", "noticed-freight.com"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ?")
				.param(world.pam().userId())
				.query(Long.class)
				.single() == 1);
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(world.pam()), "secret");
			assertThat(page.locator("#nav-inbox .unread-count")).hasText("1");
			page.locator("#nav-inbox").click();
			assertThat(page.locator("main")).containsText("Registration to decide: Browser Noticed Freight");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("inbox-pam.png")));
			page.reload();
			assertThat(page.locator("#nav-inbox .unread-count")).hasCount(0);

			page.navigate(chromium.url("/profile"));
			var row = page.locator("#notice-preferences-form tr[data-kind=LEAD_TO_ROUTE]");
			row.locator("input[name=email]").uncheck();
			page.locator("#notice-preferences-form input[name=slackWebhookUrl]").fill("http://127.0.0.1/hook");
			page.locator("#notice-preferences-form button[type=submit]").click();
			assertThat(page.locator("#notice-preferences-form small.error")).isVisible();
			page.locator("#notice-preferences-form input[name=slackWebhookUrl]").fill("");
			page.locator("#notice-preferences-form tr[data-kind=LEAD_TO_ROUTE] input[name=email]").uncheck();
			page.locator("#notice-preferences-form button[type=submit]").click();
			assertThat(page.locator("#notice-preferences-form tr[data-kind=LEAD_TO_ROUTE] input[name=email]")).not()
				.isChecked();
			assertThat(page.locator("#notice-preferences-form tr[data-kind=LEAD_ROUTED] input[name=email]"))
				.isChecked();
		}
	}

	@Test
	void aPamsHomeLeadsWithTheRegistrationsToDecide() {
		var world = this.fixtures.world("Browser Queue Partners");
		this.registrations.register(world.partnerUser(), registration("Browser Queued Foods", "queued-foods.com"));
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(world.pam()), "secret");
			assertThat(page.locator("#queue-registrations")).containsText("Browser Queued Foods");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-pam-queue.png")));
			page.locator("#queue-registrations a:has-text('Browser Queued Foods')").click();
			assertThat(page.locator("#approve")).isVisible();
		}
	}

	@Test
	void aPartnerSeesWhoTheDealWaitsOnInsteadOfButtonsAndAForbiddenPageKeepsTheNavigation() {
		var world = this.fixtures.world("Browser Waiting Partners");
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(world.partnerUser()), "secret");
			page.navigate(chromium.url("/opportunities/" + world.dealId()));
			assertThat(page.locator("#waiting-on")).containsText("Waiting on " + world.ae().name());
			assertThat(page.locator("#checklist button")).hasCount(0);
			assertThat(page.locator("#advance")).hasCount(0);

			page.navigate(chromium.url("/incentives/payouts"));
			assertThat(page.locator("h1")).hasText("Not allowed");
			assertThat(page.locator("header nav")).containsText("Sign out");
			assertThat(page.locator("#error-back")).isVisible();
		}
	}

	@Test
	void aPamLiftsAWrongHoldWithAReasonAndThenApproves() {
		var first = this.fixtures.world("Browser Hold First");
		var second = this.fixtures.world("Browser Hold Second");
		this.registrations.register(first.partnerUser(), registration("Browser Group East", "east.browsergroup.com"));
		var held = this.registrations.register(second.partnerUser(),
				registration("Browser Group West", "west.browsergroup.com"));
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(second.pam()), "secret");
			page.navigate(chromium.url("/registrations/" + held.id()));
			assertThat(page.locator("#registration-status")).hasText("On hold");
			page.locator("#override-hold").click();
			assertThat(page.locator("#registration-status")).hasText("On hold");
			page.locator("#override-hold-form input[name=reason]").fill("A different subsidiary of the group");
			page.locator("#override-hold").click();
			assertThat(page.locator("#registration-status")).hasText("Awaiting approval");
			page.locator("select[name=ownerId]").selectOption(String.valueOf(second.ae().userId()));
			page.locator("#approve").click();
			assertThat(page.locator("#registration-status")).hasText("Approved");
		}
	}

	@Test
	void theAdminChecksThePreviewConfirmsThePayoutAndOpensTheRunWithItsCsv() {
		var admin = this.fixtures.user(Role.ADMIN);
		var world = this.fixtures.world("Browser Payout Partners");
		long program = this.jdbc
			.sql("""
					INSERT INTO incentive_program (name, kind, currency, starts_on, params, created_at)
					VALUES (?, 'QUARTERLY_REBATE', 'USD', DATE '2026-01-01', '{"tiers":[{"threshold":"0","value":"1"}]}', now())
					RETURNING id""")
			.param("Browser rebate " + System.nanoTime())
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO incentive_earning (partner_id, program_id, kind, source_key, amount, currency, basis, earned_at)
					VALUES (?, ?, 'REBATE', 'browser:1', 420.00, 'USD', 'browser test', now())
					""")
			.params(world.partnerId(), program)
			.update();
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(admin), "secret");
			Navigation.follow(page, "a:has-text('Incentives')");
			page.locator("#payouts").click();
			assertThat(page.locator("#payout-preview")).containsText("Browser Payout Partners");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("payout-preview.png")));
			page.locator("#payout-confirm").check();
			page.locator("#payout").click();
			assertThat(page.locator("#run-items")).containsText("Browser Payout Partners");
			assertThat(page.locator("#run-csv")).isVisible();
		}
	}

	@Test
	void anEmptyFirstFollowUpIsRefusedOnThePageAndACallIsRecorded() {
		var world = this.fixtures.world("Browser Follow Partners");
		this.fixtures.account("Browser Follow Matchco", "browser-follow-matchco.com", world.ae().userId());
		var lead = this.leads.submit(world.partnerUser(), new LeadCommand(null, "Browser Follow Matchco",
				"browser-follow-matchco.com", "Jo Buyer", "jo@example.com", "Evaluating"));
		try (var context = desktop()) {
			var page = context.newPage();
			chromium.signIn(page, this.fixtures.email(world.ae()), "secret");
			page.navigate(chromium.url("/leads/" + lead.id()));
			page.locator("#follow-up-button").click();
			assertThat(page.locator("#follow-up-note-error")).containsText("say what happened");
			page.locator("#follow-up-type").selectOption("CALL");
			page.locator("#follow-up-button").click();
			assertThat(page.locator("#follow-up-type-shown")).hasText("Call");
		}
	}

	private static Chromium.Context desktop() {
		return chromium.context(1360, 1000);
	}

	private static RegistrationCommand registration(String customer, String domain) {
		return new RegistrationCommand(null, customer, domain, "Replace the dispatch system",
				new BigDecimal("40000.00"), "USD", LocalDate.of(2027, 4, 30), null, CreditType.SOURCED);
	}

}
