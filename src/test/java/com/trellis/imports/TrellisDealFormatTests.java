package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Trellis deal format: the opportunities export imports unchanged, into this program
 * (by id) and as deals of another system (by source id, accounts by name), a changed row
 * updates its deal with an audit entry, every bad row is named by row and column and a
 * real run with one writes nothing, and only a program admin imports deals.
 */
@TrellisTest
class TrellisDealFormatTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	Viewer admin;

	Viewer ae;

	long account;

	String accountName;

	long openDeal;

	@BeforeEach
	void deals() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.ae = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		this.accountName = "Round Trip Buyer " + System.nanoTime();
		this.account = this.fixtures.account(this.accountName, null, this.ae.userId());
		long partner = this.fixtures.partner("Round Trip Partner " + System.nanoTime(), pam.userId());
		this.openDeal = deal("Direct, \"quoted\" deal", "1000.00", "USD", "QUALIFIED", 30);
		deal("=Formula won deal", "2500.50", "EUR", "CLOSED_WON", -10);
		deal("Lost yen deal", "5000", "JPY", "CLOSED_LOST", -3);
		long partnerDeal = this.fixtures.partnerDeal(this.account, this.ae.userId(), partner, "125000.00");
		// as every deal created in Trellis, it records its first stage
		move(partnerDeal, null, "QUALIFIED", this.clock.instant());
	}

	private void move(long deal, String from, String to, java.time.Instant at) {
		this.jdbc.sql("""
				INSERT INTO opportunity_stage_change (opportunity_id, from_stage, to_stage, changed_at)
				VALUES (?, ?, ?, ?)
				""").params(deal, from, to, Timestamp.from(at)).update();
	}

	@Test
	void theWholeOpportunitiesExportReimportsWithoutErrorsOrChanges() throws Exception {
		var export = export("");
		long deals = this.fixtures.count("opportunity");
		long audit = this.fixtures.count("audit_entry");
		importing(export, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.rows").value(deals))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(deals));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
		assertThat(this.fixtures.count("audit_entry")).isEqualTo(audit);
	}

	@Test
	void anExportImportedAsAnotherSystemsDealsGivesTheSameDealsOnceAndTwiceNothingNew() throws Exception {
		var export = export("?accountId=" + this.account);
		var lines = export.substring(1).split("\r\n");
		assertThat(lines).hasSize(5);
		assertThat(export).contains("\"Direct, \"\"quoted\"\" deal\"", "'=Formula won deal");
		var file = new StringBuilder(lines[0].replaceFirst("^id,", "source_id,")).append("\r\n");
		for (int i = 1; i < lines.length; i++) {
			// another program knows neither the deal's id nor the account's: the name
			// names the account
			file.append("copy-")
				.append(lines[i].replaceFirst("^(\\d+),(\"[^\"]*(\"\"[^\"]*)*\"|[^,]*),\\d+,", "$1,$2,,"))
				.append("\r\n");
		}
		importing(file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(4));
		var after = export("?accountId=" + this.account).substring(1).split("\r\n");
		assertThat(withoutIds(after)).containsExactlyInAnyOrderElementsOf(twice(withoutIds(lines)));
		importing(file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(4));
		assertThat(this.jdbc.sql("SELECT count(*) FROM opportunity WHERE account_id = ?")
			.param(this.account)
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	@Test
	void aChangedRowUpdatesThatDealWithAnAuditEntryAndAgainChangesNothing() throws Exception {
		var row = "id,name,account_id,amount,currency,stage,close_date,owner_id\n" + this.openDeal + ",Renamed deal,"
				+ this.account + ",1500.00,USD,QUALIFIED," + LocalDate.now(this.clock).plusDays(60) + ","
				+ this.ae.userId() + "\n";
		importing(row, false).andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
		importing(row, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(this.jdbc.sql("SELECT name || ' ' || round(amount, 2) FROM opportunity WHERE id = ?")
			.param(this.openDeal)
			.query(String.class)
			.single()).isEqualTo("Renamed deal 1500.00");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'opportunity' AND entity_id = ?"
					+ " AND action = 'updated by import'")
			.param(String.valueOf(this.openDeal))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDryRunNamesEveryBadDealRowAndTheRealRunWithOneWritesNothing() throws Exception {
		var close = LocalDate.now(this.clock).plusDays(40).toString();
		var tail = "," + this.account + ",USD," + close + "," + this.ae.userId() + "\r\n";
		var csv = "\uFEFFid;source_id;name;amount;stage;account_id;currency;close_date;owner_id\r\n".replace(';', ',')
				+ ",x-1,Good deal,100.00,QUALIFIED" + tail + ",x-2,Comma deal,\"12500,50\",QUALIFIED" + tail
				+ ",x-3,Odd stage,100,Negotiation" + tail + ",x-4,Bad day,100,QUALIFIED," + this.account
				+ ",USD,01.03.2027," + this.ae.userId() + "\r\n" + ",x-5,No account,100,QUALIFIED,999999999,USD,"
				+ close + "," + this.ae.userId() + "\r\n" + this.openDeal + ",,Moved by file,1000.00,COMMIT" + tail
				+ ",x-1,Twice,100,QUALIFIED" + tail + ",x-6,Yen cents,100.5,QUALIFIED," + this.account + ",JPY," + close
				+ "," + this.ae.userId() + "\r\n";
		importing(csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(7))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: amount")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 4: stage")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 5: close_date")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 6: account_id")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 7: stage")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 8: source_id")))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 9: amount")))
			// each value quoted once, first, then what it is (try71a: "'12500,50' amount
			// with a comma decimal")
			.andExpect(jsonPath("$.errors[?(@.field == 'row 3: amount')].message").value(hasItem(
					"'12500,50' is an amount with a comma decimal; use a point as the decimal separator and no thousands separator, e.g. 1234.50")))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 5: close_date')].message")
				.value(hasItem("'01.03.2027' is not a date (yyyy-mm-dd)")));
		long deals = this.fixtures.count("opportunity");
		importing(csv, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: amount")));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
		assertThat(this.jdbc.sql("SELECT stage FROM opportunity WHERE id = ?")
			.param(this.openDeal)
			.query(String.class)
			.single()).isEqualTo("QUALIFIED");
	}

	@Test
	void onlyAProgramAdminImportsDealsWhateverTheFileSays() throws Exception {
		var world = this.fixtures.world("Deal Import Outsider " + System.nanoTime());
		var csv = "id,name,amount,currency,stage\n" + world.dealId() + ",Taken,1,USD,QUALIFIED\n";
		importingAs(world.partnerUser(), csv, false).andExpect(status().isForbidden());
		importingAs(world.pam(), csv, false).andExpect(status().isForbidden());
		importingAs(world.ae(), csv, false).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT name FROM opportunity WHERE id = ?")
			.param(world.dealId())
			.query(String.class)
			.single()).isEqualTo("Fixture deal");
	}

	private long deal(String name, String amount, String currency, String stage, int closeInDays) {
		var now = Timestamp.from(this.clock.instant());
		boolean closed = stage.startsWith("CLOSED");
		// a deal closes on its close date, as the sales process closes one
		var closedAt = Timestamp.from(this.clock.instant().plusSeconds(86_400L * closeInDays));
		var created = this.clock.instant().minusSeconds(86_400L * 40);
		long id = this.jdbc.sql("""
				INSERT INTO opportunity (account_id, name, amount, currency, stage, close_date, owner_id, source,
				                         stage_entered_at, created_at, updated_at, closed_at)
				VALUES (:account, :name, :amount, :currency, :stage, :close, :owner, 'DIRECT', :now, :created, :now,
				        :closedAt) RETURNING id
				""")
			.param("account", this.account)
			.param("name", name)
			.param("amount", new java.math.BigDecimal(amount))
			.param("currency", currency)
			.param("stage", stage)
			.param("close", LocalDate.now(this.clock).plusDays(closeInDays))
			.param("owner", this.ae.userId())
			.param("now", now)
			.param("created", Timestamp.from(created))
			.param("closedAt", closed ? closedAt : null)
			.query(Long.class)
			.single();
		// its history: created in its stage, or qualified and closed on its close date
		move(id, null, closed ? "QUALIFIED" : stage, created);
		if (closed) {
			move(id, "QUALIFIED", stage, closedAt.toInstant());
		}
		return id;
	}

	private String export(String query) throws Exception {
		return this.mvc.perform(get("/opportunities/export.csv" + query).session(login(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var login = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

	/**
	 * try71a: an owner named by e-mail was told it "must be the id of" an account
	 * executive, and a closed deal's future close date read as a statement.
	 */
	@Test
	void anOwnerByEMailAndAClosedDealsFutureCloseDateAreToldInWords() throws Exception {
		var future = LocalDate.now(this.clock).plusDays(40).toString();
		var partnerUser = this.fixtures.email(this.fixtures.world("Owner Words " + System.nanoTime()).partnerUser());
		var csv = "source_id,name,amount,stage,account_id,currency,close_date,owner_email\n" + "w-" + System.nanoTime()
				+ ",Won later,100.00,CLOSED_WON," + this.account + ",USD," + future + "," + this.fixtures.email(this.ae)
				+ "\n" + "w2-" + System.nanoTime() + ",Partner owned,100.00,QUALIFIED," + this.account + ",USD,"
				+ future + "," + partnerUser + "\n";
		importing(csv, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[?(@.field == 'row 2: close_date')].message").value(hasItem(
					"'" + future + "' must not be in the future: a closed deal's close date is the day it closed")))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 3: owner_email')].message")
				.value(hasItem("'" + partnerUser + "' must name an active account executive or sales manager")));
	}

	private static List<String> withoutIds(String[] lines) {
		var rows = new ArrayList<String>();
		for (int i = 1; i < lines.length; i++) {
			rows.add(lines[i].substring(lines[i].indexOf(',')));
		}
		return rows;
	}

	private static List<String> twice(List<String> rows) {
		var both = new ArrayList<>(rows);
		both.addAll(rows);
		return both;
	}

	private ResultActions importing(String csv, boolean dryRun) throws Exception {
		return importingAs(this.admin, csv, dryRun);
	}

	private ResultActions importingAs(Viewer viewer, String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/deals")
			.file(new MockMultipartFile("file", "deals.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(viewer)));
	}

}
