package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A row whose number of values is not the header's is a row error on every CSV path (the
 * Salesforce and HubSpot files, the Trellis formats), worded the same, and a real run
 * with one writes nothing; a row without any value (a blank line, blanks, or only
 * separators as a spreadsheet writes an empty row) is skipped; a quoted value left open
 * at the end of a file is refused once, naming the file and row.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-" })
class CsvRowShapeTests {

	/** The optional columns last, so a short row still has every required value. */
	private static final String DEALS = "Id,AccountId,Name,StageName,CloseDate,OwnerId,CreatedDate,Amount,CurrencyIsoCode\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Viewer admin;

	String owner;

	String key;

	@BeforeEach
	void program() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.owner = this.fixtures.email(this.fixtures.user(Role.AE));
		this.key = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
	}

	@Test
	void aSalesforceRowWithFewerValuesThanItsHeaderIsARowErrorAndTheRealRunWritesNothing() throws Exception {
		var accounts = "Id,Name,OwnerId,CreatedDate\n001R" + this.key + ",Short row customer " + this.key
				+ ",005R,2025-01-06T09:00:00Z\n";
		var deals = DEALS + "006R" + this.key + ",001R" + this.key + ",Short deal " + this.key
				+ ",Prospecting,2027-02-05,005R,2025-01-06T09:00:00Z\n";
		var check = salesforce(accounts, deals, true);
		assertThat(errors(check)).containsExactly("Opportunity row 2: columns=7 values where the header has 9 columns");
		var run = salesforce(accounts, deals, false);
		assertThat(errors(run)).contains("Opportunity row 2: columns=7 values where the header has 9 columns");
		assertThat(this.fixtures.count("opportunity WHERE name = 'Short deal " + this.key + "'")).isZero();
		assertThat(this.fixtures.count("account WHERE name = 'Short row customer " + this.key + "'")).isZero();
		// more values: the same words
		var wide = DEALS + "006W" + this.key + ",001R" + this.key + ",Wide deal,Prospecting,2027-02-05,005R,"
				+ "2025-01-06T09:00:00Z,10,USD,spill\n";
		assertThat(errors(salesforce(accounts, wide, true)))
			.containsExactly("Opportunity row 2: columns=10 values where the header has 9 columns");
	}

	@Test
	void aShortRowMissingARequiredValueIsReportedOnceForItsShapeNotAlsoForTheMissingValue() throws Exception {
		var accounts = "Id,Name,OwnerId,CreatedDate\n001M" + this.key + ",Missing name customer " + this.key
				+ ",005R,2025-01-06T09:00:00Z\n";
		var nameLast = "Id,AccountId,StageName,CloseDate,OwnerId,CreatedDate,Amount,CurrencyIsoCode,Name\n";
		var deals = nameLast + "006M" + this.key + ",001M" + this.key + ",Prospecting,2027-02-05,005R,"
				+ "2025-01-06T09:00:00Z,10\n";
		assertThat(errors(salesforce(accounts, deals, true)))
			.containsExactly("Opportunity row 2: columns=7 values where the header has 9 columns");
	}

	@Test
	void aHubspotRowWithFewerValuesThanItsHeaderIsARowError() throws Exception {
		var companies = "Record ID,Company name,Create Date,Owner email,Industry\n5" + this.key + ",Short company,"
				+ "2025-01-06 09:00," + this.owner + "\n";
		var files = new LinkedHashMap<String, String>();
		files.put("companies", companies);
		files.put("deals",
				"Record ID,Deal Name,Deal Stage,Create Date,Close Date,Owner email,Associated Company IDs\n");
		assertThat(errors(send("/api/v1/imports/hubspot", files, true)))
			.containsExactly("companies row 2: columns=4 values where the header has 5 columns");
	}

	@Test
	void rowsWithoutAnyValueAreSkippedAsBlankLines() throws Exception {
		var accounts = "Id;Name;OwnerId;CreatedDate\n001B" + this.key + ";Blank rows customer " + this.key
				+ ";005R;2025-01-06T09:00:00Z\n;;;\n   \n\n;;\n";
		var deals = "Id;AccountId;Name;StageName;CloseDate;OwnerId;CreatedDate\n;;;;;;\n006B" + this.key + ";001B"
				+ this.key + ";Blank rows deal " + this.key + ";Prospecting;2027-02-05;005R;2025-01-06T09:00:00Z\n";
		var run = salesforce(accounts, deals, false);
		assertThat(errors(run)).isEmpty();
		assertThat(run.at("/counts/accounts/create").asInt()).isEqualTo(1);
		assertThat(run.at("/counts/opportunities/create").asInt()).isEqualTo(1);
		var pam = this.fixtures.email(this.fixtures.user(Role.PAM));
		var partners = "source_id;name;type;region;pam_email\n;;;;\nps-" + this.key + ";Blank rows partner " + this.key
				+ ";SI;EMEA;" + pam + "\n  \n";
		var report = trellis("partners", partners);
		assertThat(errors(report)).isEmpty();
		assertThat(report.get("rows").asInt()).isEqualTo(1);
	}

	@Test
	void aTrellisFormatRowWithFewerOrMoreValuesIsARowErrorWordedAsTheCrmFiles() throws Exception {
		var partners = "source_id,name,type,region,tier\npf-" + this.key + ",Short partner,SI,EMEA\npm-" + this.key
				+ ",Wide partner,SI,EMEA,,spill\n";
		assertThat(errors(trellis("partners", partners))).containsExactly(
				"row 2: columns=4 values where the header has 5 columns",
				"row 3: columns=6 values where the header has 5 columns");
	}

	@Test
	void aQuotedValueLeftOpenAtTheEndOfAFileIsRefusedOnceNamingTheFileAndRow() throws Exception {
		var files = new LinkedHashMap<String, String>();
		files.put("companies", "Record ID,Company name,Create Date,Owner email\n5" + this.key + ",Open company,"
				+ "2025-01-06 09:00," + this.owner + "\n");
		files.put("deals",
				"Record ID,Deal Name,Deal Stage,Create Date,Close Date,Owner email,Associated Company IDs\n6" + this.key
						+ ",\"Open deal,qualifiedtobuy,2025-01-06,2027-02-05," + this.owner + ",5" + this.key + "\n");
		var errors = errors(send("/api/v1/imports/hubspot", files, true));
		assertThat(errors)
			.containsExactly("deals file, row 2=a quoted value is never closed (a \" opens it with no \" to end it)");
		send("/api/v1/imports/hubspot", files, false);
		assertThat(this.fixtures.count("account WHERE name = 'Open company'")).isZero();
	}

	private JsonNode salesforce(String accounts, String deals, boolean dryRun) throws Exception {
		var files = new LinkedHashMap<String, String>();
		files.put("User", "Id,Email\n005R," + this.owner + "\n");
		files.put("Account", accounts);
		files.put("Opportunity", deals);
		return send("/api/v1/imports/salesforce", files, dryRun);
	}

	private JsonNode send(String url, Map<String, String> files, boolean dryRun) throws Exception {
		var request = multipart(url);
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		return json(request.param("dryRun", String.valueOf(dryRun)));
	}

	private JsonNode trellis(String format, String csv) throws Exception {
		return json(multipart("/api/v1/imports/trellis/" + format)
			.file(new MockMultipartFile("file", format + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", "true"));
	}

	private JsonNode json(org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder request)
			throws Exception {
		var body = this.mvc.perform(request.header("Authorization", "Bearer " + this.fixtures.token(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonMapper.builder().build().readTree(body);
	}

	/** The errors of a report or a 400 as {@code field=message}. */
	private static List<String> errors(JsonNode report) {
		var errors = new ArrayList<String>();
		var list = report.get("errors");
		assertThat(list).as(report.toString()).isNotNull();
		for (var e : list) {
			errors.add(e.get("field").asString() + "=" + e.get("message").asString());
		}
		return errors;
	}

}
