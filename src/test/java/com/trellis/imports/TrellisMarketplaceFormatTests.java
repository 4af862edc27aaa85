package com.trellis.imports;

import java.nio.charset.StandardCharsets;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Marketplace transactions as a Trellis format: a dry run lists every bad row with row,
 * column and why; a real run writes all rows or none; a file imported again changes
 * nothing and a later one corrects by source id (audited); a PAM imports for their book
 * only; the export imports back unchanged and is scoped like the transactions.
 */
@TrellisTest
class TrellisMarketplaceFormatTests {

	private static final String HEADER = "source_id,partner_id,customer,listing,amount,currency,transacted_on\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	Viewer admin;

	Fixtures.World world;

	String key;

	@BeforeEach
	void people() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.world = this.fixtures.world("Marketplace Seller " + System.nanoTime());
		this.key = "mp-" + System.nanoTime() + "-";
	}

	@Test
	void transactionsImportOnceWithTheirExactAmountsAndTheSameFileAgainChangesNothing() throws Exception {
		long p = this.world.partnerId();
		var csv = HEADER + this.key + "1," + p + ",Acme GmbH,Connector Pro,1250.50,eur,2026-09-01\n" + this.key + "2,"
				+ p + ",Kabushiki,Connector Pro,150000,JPY,2026-10-15\n" + this.key + "3," + p
				+ ",Zurich AG,Connector Lite,99.95,chf,2026-11-20\n";
		importing(this.admin, csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(3))
			.andExpect(jsonPath("$.errorCount").value(0));
		assertThat(transactions()).isZero();
		importing(this.admin, csv, false).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3));
		assertThat(this.jdbc.sql("""
				SELECT source_id || ' ' || currency || ' ' || amount::text || ' ' || transacted_on::text
				FROM marketplace_transaction WHERE partner_id = ? ORDER BY source_id
				""").param(p).query(String.class).list()).containsExactly(this.key + "1 EUR 1250.5000 2026-09-01",
				this.key + "2 JPY 150000.0000 2026-10-15", this.key + "3 CHF 99.9500 2026-11-20");
		importing(this.admin, csv, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(3));
		assertThat(transactions()).isEqualTo(3);
	}

	@Test
	void aLaterFileWithOtherValuesForASourceIdCorrectsThatTransactionAndTheCorrectionIsAudited() throws Exception {
		long p = this.world.partnerId();
		importing(this.admin, HEADER + this.key + "9," + p + ",Acme,Connector,100.00,USD,2026-09-01\n", false)
			.andExpect(jsonPath("$.created").value(1));
		importing(this.admin, HEADER + this.key + "9," + p + ",Acme,Connector,120.00,USD,2026-09-01\n", false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.created").value(0));
		long id = this.jdbc.sql("SELECT id FROM marketplace_transaction WHERE source_id = ?")
			.param(this.key + "9")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("SELECT amount FROM marketplace_transaction WHERE id = ?")
			.param(id)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("120.00");
		assertThat(this.audit.history("marketplace-transaction", id)).singleElement().satisfies(e -> {
			assertThat(e.before()).contains("100.00");
			assertThat(e.after()).contains("120.00");
		});
	}

	@Test
	void aDryRunListsEveryBadRowWithRowColumnAndWhyAndTheRealRunWithOneBadRowWritesNothing() throws Exception {
		long p = this.world.partnerId();
		var k = this.key;
		var csv = HEADER + k + "a," + p + ",Good Co,Listing,10.00,USD,2026-09-01\n" // row
																					// 2
				+ k + "b," + p + ",Comma Co,Listing,\"12,50\",USD,2026-09-01\n" // row 3
				+ k + "c," + p + ",Cents Co,Listing,10.123,USD,2026-09-01\n" // row 4
				+ k + "d," + p + ",Code Co,Listing,10.00,XYZ,2026-09-01\n" // row 5
				+ k + "e," + p + ",Future Co,Listing,10.00,USD,2026-12-01\n" // row 6
				+ k + "f,999999999,Ghost Co,Listing,10.00,USD,2026-09-01\n" // row 7
				+ k + "a," + p + ",Twice Co,Listing,10.00,USD,2026-09-01\n" // row 8
				+ k + "g," + p + ",,Listing,10.00,USD,2026-09-01\n" // row 9
				+ k + "h," + p + ",Minus Co,Listing,-5,USD,2026-09-01\n" // row 10
				+ k + "i," + p + ",Dotted Co,Listing,10.00,USD,01.09.2026\n" // row 11
				+ k + "j," + p + ",Krona Co,Listing,10.00,SEK,2026-09-01\n" // row 12
				+ "," + p + ",Nameless Co,Listing,10.00,USD,2026-09-01\n"; // row 13
		importing(this.admin, csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(11))
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("row 3: amount", "row 4: amount", "row 5: currency", "row 6: transacted_on",
						"row 7: partner_id", "row 8: source_id", "row 9: customer", "row 10: amount",
						"row 11: transacted_on", "row 12: currency", "row 13: source_id")))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 4: amount')].message")
				.value(hasItem(org.hamcrest.Matchers.containsString("USD"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 6: transacted_on')].message")
				.value(hasItem("'2026-12-01' is in the future")))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 12: currency')].message")
				.value(hasItem(org.hamcrest.Matchers.containsString("no exchange rate"))));
		importing(this.admin, csv, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 7: partner_id")));
		assertThat(transactions()).isZero();
	}

	@Test
	void aPamImportsOnlyForPartnersOfTheirBookAndAPartnerUserNotAtAll() throws Exception {
		var stranger = this.fixtures.world("Marketplace Stranger " + System.nanoTime());
		importing(this.world.pam(),
				HEADER + this.key + "s," + stranger.partnerId() + ",Acme,Listing,10.00,USD,2026-09-01\n", true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: partner_id"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("'" + stranger.partnerId() + "' is not a partner of your book"));
		importing(this.world.pam(),
				HEADER + this.key + "o," + this.world.partnerId() + ",Acme,Listing,10.00,USD,2026-09-01\n", false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		// the stranger's PAM cannot take over the transaction by naming its own partner
		importing(stranger.pam(),
				HEADER + this.key + "o," + stranger.partnerId() + ",Acme,Listing,10.00,USD,2026-09-01\n", true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: source_id"));
		importing(this.world.partnerUser(), "not even csv \"", true).andExpect(status().isForbidden());
		importing(this.world.ae(), "not even csv \"", true).andExpect(status().isForbidden());
		assertThat(transactions()).isEqualTo(1);
	}

	@Test
	void theExportImportsBackUnchangedAndAPartnerUserExportsOnlyItsOwnTransactions() throws Exception {
		var other = this.fixtures.world("Marketplace Other " + System.nanoTime());
		long p = this.world.partnerId();
		importing(this.admin,
				HEADER + this.key + "x1," + p + ",\"=Formula, Inc.\",Connector,1250.50,EUR,2026-09-01\n" + this.key
						+ "x2," + p + ",Kabushiki,Connector,150000,JPY,2026-10-15\n" + this.key + "x3,"
						+ other.partnerId() + ",Other Customer,Connector,10.00,USD,2026-10-01\n",
				false)
			.andExpect(jsonPath("$.created").value(3));
		var export = csv("/api/v1/marketplace/transactions.csv?partner=" + p, this.admin);
		assertThat(export).startsWith("\uFEFFsource_id,partner_id,customer,listing,amount,currency,transacted_on\r\n")
			.contains(this.key + "x2," + p + ",Kabushiki,Connector,150000,JPY,2026-10-15\r\n")
			.contains("1250.50,EUR")
			.doesNotContain("Other Customer");
		importing(this.admin, export, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(2))
			.andExpect(jsonPath("$.unchanged").value(2))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0));
		var own = csv("/api/v1/marketplace/transactions.csv", this.world.partnerUser());
		assertThat(own).contains(this.key + "x1").doesNotContain(this.key + "x3");
		this.mvc.perform(get("/api/v1/marketplace/transactions.csv?partner=" + other.partnerId())
			.header("Authorization", "Bearer " + this.fixtures.token(this.world.partnerUser())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/marketplace/transactions?partner=" + other.partnerId()).header("Authorization",
				"Bearer " + this.fixtures.token(this.world.partnerUser())))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/marketplace/transactions").header("Authorization",
					"Bearer " + this.fixtures.token(this.world.partnerUser())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].partnerId")
				.value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is((int) p))));
	}

	private String csv(String path, Viewer viewer) throws Exception {
		return this.mvc.perform(get(path).header("Authorization", "Bearer " + this.fixtures.token(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private long transactions() {
		return this.jdbc.sql("SELECT count(*) FROM marketplace_transaction WHERE source_id LIKE ?")
			.param(this.key + "%")
			.query(Long.class)
			.single();
	}

	private ResultActions importing(Viewer viewer, String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/marketplace")
			.file(new MockMultipartFile("file", "marketplace.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(viewer)));
	}

}
