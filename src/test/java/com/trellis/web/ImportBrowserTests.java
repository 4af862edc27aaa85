package com.trellis.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Import page in headless Chromium: the admin uploads a Salesforce export with bad
 * rows, sees each row error and the stage and owner mapping, changes the mapping (an
 * owner to a vendor user chosen from a list by name and e-mail), checks again, and an
 * import with bad rows left writes nothing.
 */
@TrellisTest
class ImportBrowserTests {

	private static final Path FIXTURES = Path.of("src", "test", "resources", "imports", "salesforce");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAdminMapsStagesAndOwnersAndSeesTheRowErrorsOfAnImport() {
		long deals = this.jdbc.sql("SELECT count(*) FROM opportunity").query(Long.class).single();
		try (var context = chromium.context(1360, 900)) {
			var page = context.newPage();
			chromium.signIn(page, "admin@trellis.demo", "demo");
			Navigation.follow(page, "a[href='/imports']");
			var form = page.locator("#salesforce-upload");
			form.locator("input[name=Account]").setInputFiles(FIXTURES.resolve("Account.csv"));
			form.locator("input[name=User]").setInputFiles(FIXTURES.resolve("User.csv"));
			form.locator("input[name=Opportunity]").setInputFiles(FIXTURES.resolve("Opportunity-bad.csv"));
			form.locator("button[type=submit]").click();

			var errors = page.locator("#import-errors");
			assertThat(errors).containsText("Opportunity row 2: CloseDate");
			assertThat(errors).containsText("'31/03/2025' is not a date");
			assertThat(errors).containsText("Opportunity row 4: Amount");
			assertThat(errors).containsText("Opportunity row 5: StageName");
			assertThat(errors).containsText("Opportunity row 7: Id");
			assertThat(page.locator("#owner-mapping")).containsText("olga.leaver@acme.test");
			assertThat(page.locator("#owner-mapping")).containsText("Unknown: map or create");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "import-check.png")));

			// the mapping step: place the unknown stage, create the owner who left
			page.locator("select[aria-label='Hibernating']").selectOption("QUALIFIED");
			page.locator("input[name=createUnknownOwners]").check();
			page.locator("#check-again").click();
			assertThat(page.locator("#import-errors")).not().containsText("Opportunity row 5: StageName");
			assertThat(page.locator("#import-errors")).not().containsText("OwnerId");
			assertThat(page.locator("select[aria-label='Hibernating']")).hasValue("QUALIFIED");
			assertThat(page.locator("#import-errors")).containsText("Opportunity row 3: CurrencyIsoCode");

			// an owner maps to an active vendor user chosen by name and e-mail, not typed
			// as an id
			assertThat(page.locator("#owner-mapping input[type=number]")).hasCount(0);
			// (an account executive or sales manager: they own accounts and deals, try72)
			var olga = page.locator("select[aria-label='olga.leaver@acme.test']");
			assertThat(olga).containsText("<ae@trellis.demo>");
			assertThat(olga).not().containsText("<admin@trellis.demo>");
			long rep = this.jdbc.sql("SELECT id FROM app_user WHERE email = 'ae@trellis.demo'")
				.query(Long.class)
				.single();
			olga.selectOption(String.valueOf(rep));
			page.locator("#check-again").click();
			assertThat(page.locator("select[aria-label='olga.leaver@acme.test']")).hasValue(String.valueOf(rep));
			assertThat(page.locator("#owner-mapping")).containsText("Mapped to the user chosen");
			assertThat(page.locator("#import-errors")).not().containsText("OwnerId");

			page.locator("#run-import").click();
			assertThat(page.locator("#import-error")).containsText("Nothing imported");
			assertThat(page.locator("#import-errors")).containsText("Opportunity row 6: AccountId");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM opportunity").query(Long.class).single()).isEqualTo(deals);
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user WHERE email = 'olga.leaver@acme.test'")
			.query(Long.class)
			.single()).isZero();
	}

}
