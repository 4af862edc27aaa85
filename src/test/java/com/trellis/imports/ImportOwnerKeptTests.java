package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A later CRM export does not give records back to a rep who left: what was changed in
 * Trellis (the leaver's hand-over) wins while the export still names the owner it named
 * before; a newly named owner is applied when active and refused with a warning (the file
 * still imports) when deactivated (docs/import.md, "Owners on re-import").
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class ImportOwnerKeptTests {

	private static final String DEALS = "Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,OwnerId,CreatedDate\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String token;

	Viewer leaver;

	Viewer receiver;

	Viewer gone;

	Viewer active;

	String key;

	@BeforeEach
	void program() throws Exception {
		this.token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		this.leaver = this.fixtures.user(Role.AE);
		this.receiver = this.fixtures.user(Role.AE);
		this.gone = this.fixtures.user(Role.AE);
		this.active = this.fixtures.user(Role.AE);
		this.key = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
		this.mvc.perform(post("/api/v1/users/" + this.gone.userId() + "/deactivate").header("Authorization", bearer()))
			.andExpect(status().isOk());
	}

	@Test
	void aSalesforceExportStillNamingTheLeaverLeavesTheHandedOverRecordsWithTheirNewOwner() throws Exception {
		var first = salesforce("005L", "Kept customer", "1000.00");
		assertThat(first.get("errorCount").asInt()).as(first.toString()).isZero();
		long account = id("account", "Kept customer " + this.key);
		long deal = id("opportunity", "Kept deal " + this.key);
		assertThat(owner("account", "owner_ae_id", account)).isEqualTo(this.leaver.userId());
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.leaver.userId());
		leaves(this.leaver, this.receiver);
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.receiver.userId());

		// the same file again writes nothing, and the next export (the CRM still naming
		// the leaver, with another name and amount) keeps the new owner
		var audit = this.fixtures.count("audit_entry");
		var moves = this.fixtures.count("opportunity_stage_change");
		assertThat(salesforce("005L", "Kept customer", "1000.00").get("written").asBoolean()).isFalse();
		var later = salesforce("005L", "Kept customer renamed", "1500.00");
		assertThat(later.get("errorCount").asInt()).as(later.toString()).isZero();
		assertThat(later.at("/counts/opportunities/update").asInt()).isEqualTo(1);
		assertThat(owner("account", "owner_ae_id", account)).isEqualTo(this.receiver.userId());
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.receiver.userId());
		assertThat(later.at("/counts/recordOwners/unchanged").asInt()).as(later.toString()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT name FROM account WHERE id = ?").param(account).query(String.class).single())
			.isEqualTo("Kept customer renamed " + this.key);

		// re-importing that export twice more writes nothing new
		audit = this.fixtures.count("audit_entry");
		for (int i = 0; i < 2; i++) {
			assertThat(salesforce("005L", "Kept customer renamed", "1500.00").get("written").asBoolean()).isFalse();
		}
		assertThat(this.fixtures.count("audit_entry")).isEqualTo(audit);
		assertThat(this.fixtures.count("opportunity_stage_change")).isEqualTo(moves);

		// a newly named owner who is deactivated is not applied: a warning, the file
		// imports
		var refused = salesforce("005G", "Kept customer renamed", "1500.00");
		assertThat(refused.get("errorCount").asInt()).as(refused.toString()).isZero();
		assertThat(refused.get("written").asBoolean()).isTrue();
		var warnings = refused.get("warnings").toString();
		assertThat(warnings).contains("Opportunity row 2: OwnerId")
			.contains("Account row 2: OwnerId")
			.contains(this.fixtures.email(this.gone));
		assertThat(owner("account", "owner_ae_id", account)).isEqualTo(this.receiver.userId());
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.receiver.userId());
		assertThat(salesforce("005G", "Kept customer renamed", "1500.00").get("written").asBoolean()).isFalse();

		// a newly named active owner is applied
		var applied = salesforce("005A", "Kept customer renamed", "1500.00");
		assertThat(applied.at("/counts/recordOwners/update").asInt()).as(applied.toString()).isEqualTo(2);
		assertThat(owner("account", "owner_ae_id", account)).isEqualTo(this.active.userId());
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.active.userId());
	}

	@Test
	void aHubspotExportStillNamingTheLeaverLeavesTheHandedOverDealWithItsNewOwner() throws Exception {
		hubspot(this.leaver, "4000");
		long account = id("account", "Kept company " + this.key);
		long deal = id("opportunity", "Kept hubspot deal " + this.key);
		leaves(this.leaver, this.receiver);
		var later = hubspot(this.leaver, "4500");
		assertThat(later.at("/counts/opportunities/update").asInt()).as(later.toString()).isEqualTo(1);
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.receiver.userId());
		assertThat(owner("account", "owner_ae_id", account)).isEqualTo(this.receiver.userId());
		var refused = hubspot(this.gone, "4500");
		assertThat(refused.get("warnings").toString()).contains("deals row 2: Owner email")
			.contains(this.fixtures.email(this.gone));
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.receiver.userId());
		hubspot(this.active, "4500");
		assertThat(owner("opportunity", "owner_id", deal)).isEqualTo(this.active.userId());
		assertThat(owner("account", "owner_ae_id", account)).isEqualTo(this.active.userId());
	}

	/** The admin deactivates the rep and hands all their work to another. */
	private void leaves(Viewer rep, Viewer to) throws Exception {
		this.mvc.perform(post("/api/v1/users/" + rep.userId() + "/deactivate").header("Authorization", bearer()))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/users/" + rep.userId() + "/reassign").header("Authorization", bearer())
				.contentType("application/json")
				.content("{\"toUserId\": " + to.userId() + "}"))
			.andExpect(status().isOk());
	}

	/**
	 * A Salesforce export of one account and one open deal, both owned by {@code owner}.
	 */
	private JsonNode salesforce(String owner, String accountName, String amount) throws Exception {
		var users = "Id,Email\n005L," + this.fixtures.email(this.leaver) + "\n005G," + this.fixtures.email(this.gone)
				+ "\n005A," + this.fixtures.email(this.active) + "\n";
		var files = new LinkedHashMap<String, String>();
		files.put("User", users);
		files.put("Account", "Id,Name,OwnerId,CreatedDate\n001K" + this.key + "," + accountName + " " + this.key + ","
				+ owner + ",2025-01-06T09:00:00Z\n");
		files.put("Opportunity", DEALS + "006K" + this.key + ",001K" + this.key + ",Kept deal " + this.key
				+ ",Prospecting," + amount + ",USD,2027-06-30," + owner + ",2025-02-03T10:00:00Z\n");
		return send("/api/v1/imports/salesforce", files);
	}

	private JsonNode hubspot(Viewer owner, String amount) throws Exception {
		var email = this.fixtures.email(owner);
		var files = new LinkedHashMap<String, String>();
		files.put("companies", "Record ID,Company name,Create Date,Owner email\n7" + this.key + ",Kept company "
				+ this.key + ",2025-01-06 09:00," + email + "\n");
		files.put("deals",
				"Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,Associated Company IDs\n8"
						+ this.key + ",Kept hubspot deal " + this.key + ",qualifiedtobuy," + amount
						+ ",2027-06-30,2025-02-01 10:00," + email + ",7" + this.key + "\n");
		var report = send("/api/v1/imports/hubspot", files);
		assertThat(report.get("errorCount").asInt()).as(report.toString()).isZero();
		return report;
	}

	private JsonNode send(String url, Map<String, String> files) throws Exception {
		var request = multipart(url);
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		var body = this.mvc
			.perform(request.param("dryRun", "false")
				.param("createUnknownOwners", "false")
				.header("Authorization", bearer()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(body);
	}

	private long id(String table, String name) {
		return this.jdbc.sql("SELECT id FROM " + table + " WHERE name = ?").param(name).query(Long.class).single();
	}

	private long owner(String table, String column, long id) {
		return this.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private String bearer() {
		return "Bearer " + this.token;
	}

}
