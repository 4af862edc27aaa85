package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The shape of a CRM export's files: a row with more values than its header is refused
 * naming the row (fewer values too: {@link CsvRowShapeTests}); what the CSV parser cannot
 * read is said in plain words naming the file and row; missing columns are named as the
 * source spells them and HubSpot's errors name HubSpot's files; a re-import changing
 * nothing writes nothing; the rows validated reach the rows read.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class CrmFileShapeTests {

	private static final String ACCOUNTS = "Id,Name,OwnerId,CreatedDate\n001SH1,Shape customer,005SH1,2025-01-06T09:00:00Z\n";

	private static final String DEALS = "Id,AccountId,Name,StageName,Amount,CurrencyIsoCode,CloseDate,OwnerId,CreatedDate\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CrmImport imports;

	Viewer admin;

	String token;

	String users;

	@BeforeEach
	void program() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.token = this.fixtures.token(this.admin);
		this.users = "Id,Email\n005SH1," + this.fixtures.email(this.fixtures.user(Role.AE)) + "\n";
	}

	@Test
	void aRowWithMoreValuesThanItsHeaderIsRefusedNamingTheRow() throws Exception {
		var accounts = ACCOUNTS + "001SH2,Wide customer,005SH1,2025-01-06T09:00:00Z,extra,more\n";
		var deals = DEALS + "006SH1,001SH1,Wide deal,Prospecting,10,USD,2025-02-05,005SH1,2025-01-06T09:00:00Z,x\n";
		var errors = errors(salesforce(accounts, deals, "true"));
		assertThat(errors).contains("Account row 3: columns=6 values where the header has 4 columns",
				"Opportunity row 2: columns=10 values where the header has 9 columns");
		var hubspot = errors(hubspot("Record ID,Company name,Create Date,Owner email\nC1,Co,2025-01-06,"
				+ this.fixtures.email(this.admin) + ",spill\n", "Record ID,Deal Name\n"));
		assertThat(hubspot).contains("companies row 2: columns=5 values where the header has 4 columns");
	}

	@Test
	void anUnreadableFileIsSaidInPlainWordsNamingFileAndRow() throws Exception {
		var broken = ACCOUNTS + "001SH3,\"Never closed,005SH1,2025-01-06T09:00:00Z\n";
		assertThat(errors(salesforce(broken, DEALS, "true")))
			.contains("Account file, row 3=a quoted value is never closed (a \" opens it with no \" to end it)");
		var twice = "Id,Name,Id,OwnerId,CreatedDate\n";
		assertThat(errors(salesforce(twice, DEALS, "true")))
			.contains("Account header=the header names `Id` twice; give each column one name");
		var all = String.join("\n", errors(salesforce("Id,Name\n", DEALS, "true")));
		assertThat(all).contains("missing column OwnerId, CreatedDate;").doesNotContain("org.apache", "ownerid,");
	}

	@Test
	void hubspotErrorsNameHubspotsFiles() throws Exception {
		var owner = this.fixtures.email(this.admin);
		var companies = "Record ID,Company name,Create Date,Owner email\nC9,Co nine,2025-01-06," + owner + "\n";
		var deals = "Record ID,Deal Name,Deal Stage,Create Date,Close Date,Owner email,Associated Company IDs\n"
				+ "D9,Deal nine,appointmentscheduled,2025-01-06,2025-03-01," + owner + ",C404\n";
		var all = String.join("\n", errors(hubspot(companies, deals)));
		assertThat(all).contains("not in the companies file").doesNotContain("Account file");
	}

	@Test
	void aReImportChangingNothingWritesNothingAndSaysSo() throws Exception {
		var accounts = "Id,Name,OwnerId,CreatedDate\n001SH7,Same customer,005SH1,2025-01-06T09:00:00Z\n";
		assertThat(salesforce(accounts, DEALS, "false")).contains("\"written\":true");
		var again = salesforce(accounts, DEALS, "false");
		assertThat(again).contains("\"written\":false").contains("nothing to change");
	}

	@Test
	void theRowsValidatedReachTheRowsRead() {
		var read = new AtomicLong();
		var validated = new AtomicLong();
		var progress = new ImportProgress() {
			@Override
			public void read() {
				read.incrementAndGet();
			}

			@Override
			public void validated(long rows) {
				validated.set(rows);
			}
		};
		var accounts = "Id,Name,OwnerId,CreatedDate\n001SH8,Counted customer,005SH1,2025-01-06T09:00:00Z\n";
		var files = new SalesforceExport.Files(ImportFile.of(accounts), ImportFile.of(this.users), ImportFile.of(DEALS),
				null, null, null);
		this.imports.run(this.admin, "SALESFORCE", files, ImportMapping.none(), false, progress);
		assertThat(read.get()).isEqualTo(2);
		assertThat(validated.get()).isEqualTo(read.get());
	}

	private String salesforce(String accounts, String deals, String dryRun) throws Exception {
		var files = new LinkedHashMap<String, String>();
		files.put("Account", accounts);
		files.put("User", this.users);
		files.put("Opportunity", deals);
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/salesforce");
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		return this.mvc.perform(request.param("dryRun", dryRun).header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String hubspot(String companies, String deals) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/hubspot");
		request.file(new MockMultipartFile("companies", "companies.csv", "text/csv",
				companies.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("deals", "deals.csv", "text/csv", deals.getBytes(StandardCharsets.UTF_8)));
		return this.mvc.perform(request.param("dryRun", "true").header("Authorization", "Bearer " + this.token))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The report's errors as {@code field=message}. */
	private static List<String> errors(String report) {
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(report);
		var errors = new ArrayList<String>();
		for (var e : json.get("errors")) {
			errors.add(e.get("field").asString() + "=" + e.get("message").asString());
		}
		return errors;
	}

}
