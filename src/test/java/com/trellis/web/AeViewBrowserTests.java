package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.mapping.PartnerAccountLists;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The AE view in headless Chromium: an account executive opens one of their accounts,
 * sees a partner present there with its tier, trust and record in the account's industry,
 * asks it for help on a deal and attaches it to another, and the deal's page shows the
 * partner on the deal.
 */
@TrellisTest
class AeViewBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartnerAccountLists lists;

	@Test
	void anAccountExecutiveSeesAPartnerOnTheirAccountAsksItForHelpAndAttachesIt() {
		var found = this.jdbc.sql("""
				SELECT a.id, a.name, a.web_domain, a.industry, o.id FROM account a
				JOIN app_user u ON u.id = a.owner_ae_id
				JOIN opportunity o ON o.account_id = a.id AND o.owner_id = u.id AND o.partner_id IS NULL
				     AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				WHERE u.email = 'ae@trellis.demo' AND a.web_domain IS NOT NULL AND a.industry IS NOT NULL
				ORDER BY a.id DESC LIMIT 1
				""")
			.query((rs,
					n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5) })
			.single();
		long partner = this.jdbc.sql("SELECT partner_id FROM app_user WHERE email = 'partner@northwind.demo'")
			.query(Long.class)
			.single();
		long pam = this.jdbc.sql("SELECT owner_pam_id FROM partner WHERE id = :p")
			.param("p", partner)
			.query(Long.class)
			.single();
		this.lists.upload(new Viewer(pam, "Browser PAM", Role.PAM, null), partner,
				"company_name,web_domain,country,status\n\"" + found[1] + "\"," + found[2] + ",,customer\n");

		try (var context = chromium.context(1360, 1000)) {
			var ae = context.newPage();
			chromium.signIn(ae, "ae@trellis.demo", "demo");
			ae.navigate(chromium.url("/accounts/" + found[0]));
			var row = ae.locator("#partners-here tr[data-partner='" + partner + "']");
			assertThat(row).containsText("Northwind Systems");
			assertThat(row.locator("td.tier")).containsText("Tier");
			assertThat(row.locator("td.trust")).not().isEmpty();
			assertThat(row.locator("td.industry-record")).containsText(found[3] + ":");
			assertThat(row.locator("td.industry-record")).containsText("won");
			ae.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("aeview-account-partners.png")));

			row.locator("form.aeview-ask select[name=opportunityId]").selectOption(found[4]);
			row.locator("form.aeview-ask input[name=ask]").fill("Could you introduce us to their head of IT?");
			row.locator("form.aeview-ask button[type=submit]").click();
			assertThat(ae.locator("p.notice")).containsText("Co-sell request sent");

			row = ae.locator("#partners-here tr[data-partner='" + partner + "']");
			row.locator("form.aeview-attach select[name=opportunityId]").selectOption(found[4]);
			row.locator("form.aeview-attach select[name=creditType]").selectOption("CO_SELL");
			row.locator("form.aeview-attach button[type=submit]").click();
			assertThat(ae.locator("p.notice")).containsText("Partner attached to the deal");
			ae.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("aeview-account-attached.png")));

			ae.navigate(chromium.url("/opportunities/" + found[4]));
			var onDeal = ae.locator("#cosell-panel tr[data-partner='" + partner + "']");
			assertThat(onDeal.locator(".badge.attached")).containsText("On this deal");
			assertThat(ae.locator("#cosell-panel .cosell-asked")).containsText("introduce us to their head of IT");
			ae.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("aeview-deal-attached.png")));
		}
	}

}
