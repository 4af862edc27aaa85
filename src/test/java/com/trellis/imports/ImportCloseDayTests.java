package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A CRM's close date is the truth for the day a deal closed: in a program whose business
 * zone is Pacific/Auckland (13 hours ahead of UTC from 28 September 2025), a closing
 * stage move at 2025-09-30T20:00:00Z is 1 October there, while the export's close date
 * says 30 September. The import moves the closing moment onto the close date (same time
 * of day when that keeps the history in order, else the day's last moment), warns of
 * each, leaves a move already on its close date alone, and a re-import of the same files
 * writes nothing. Salesforce and HubSpot alike; the test clock's now is
 * 2026-11-22T12:00:00Z.
 */
@TrellisTest
@TestPropertySource(properties = { "trellis.demo.enabled=false", "trellis.forecast.snapshot-cron=-",
		"trellis.business.time-zone=Pacific/Auckland" })
class ImportCloseDayTests {

	private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

	private static final String ACCOUNTS = """
			Id,Name,OwnerId,CreatedDate
			001NZ01,Kauri close-day customer,005NZ01,2025-01-06T09:00:00.000+0000
			""";

	private static final String DEALS = """
			Id,AccountId,Name,StageName,CloseDate,OwnerId,CreatedDate,Amount,CurrencyIsoCode,IsClosed,IsWon
			006NZ01,001NZ01,Kauri next-day close,Closed Won,2025-09-30,005NZ01,2025-09-01T09:00:00.000+0000,100,USD,true,true
			006NZ02,001NZ01,Kauri late move,Closed Won,2025-09-30,005NZ01,2025-09-01T09:00:00.000+0000,100,USD,true,true
			006NZ03,001NZ01,Kauri right day,Closed Lost,2025-09-30,005NZ01,2025-09-01T09:00:00.000+0000,100,USD,true,false
			006NZ04,001NZ01,Kauri early close,Closed Won,2025-10-02,005NZ01,2025-09-01T09:00:00.000+0000,100,USD,true,true
			""";

	private static final String HISTORY = """
			OpportunityId,StageName,CreatedDate
			006NZ01,Prospecting,2025-09-01T09:00:00.000+0000
			006NZ01,Closed Won,2025-09-30T20:00:00.000+0000
			006NZ02,Prospecting,2025-09-30T01:00:00.000+0000
			006NZ02,Closed Won,2025-09-30T20:00:00.000+0000
			006NZ03,Prospecting,2025-09-01T09:00:00.000+0000
			006NZ03,Closed Lost,2025-09-29T22:00:00.000+0000
			006NZ04,Prospecting,2025-09-01T09:00:00.000+0000
			006NZ04,Closed Won,2025-09-30T08:00:00.000+0000
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String token;

	String email;

	@BeforeEach
	void program() {
		this.token = this.fixtures.token(this.fixtures.user(Role.ADMIN));
		var ae = this.fixtures.user(Role.AE);
		this.email = this.jdbc.sql("SELECT email FROM app_user WHERE id = ?")
			.param(ae.userId())
			.query(String.class)
			.single();
	}

	@Test
	void aSalesforceClosingMoveIsMovedOntoTheCloseDateAndAReImportWritesNothing() throws Exception {
		salesforce().andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.opportunities.create").value(4))
			.andExpect(jsonPath("$.warnings", hasItem(startsWith("Opportunity row 2: CloseDate 2025-09-30: the "
					+ "closing move to CLOSED_WON at 2025-09-30T20:00:00Z falls on 2025-10-01 in Pacific/Auckland; "
					+ "moved to 2025-09-29T20:00:00Z"))))
			.andExpect(jsonPath("$.warnings", hasItem(startsWith("Opportunity row 3: CloseDate 2025-09-30: "))))
			.andExpect(jsonPath("$.warnings", hasItem(startsWith("Opportunity row 5: CloseDate 2025-10-02: "))))
			.andExpect(jsonPath("$.warnings", not(hasItem(startsWith("Opportunity row 4: ")))));
		// the same time of day (09:00 in Auckland) on the close date
		assertThat(history("Kauri next-day close"))
			.isEqualTo("null>REGISTERED@2025-09-01T09:00:00Z, REGISTERED>CLOSED_WON@2025-09-29T20:00:00Z");
		// 09:00 on the close date is before the move ahead of it (14:00): the day's last
		// moment
		assertThat(history("Kauri late move")).endsWith("REGISTERED>CLOSED_WON@2025-09-30T10:59:59.999999Z");
		// already on its close date: untouched
		assertThat(history("Kauri right day")).endsWith("REGISTERED>CLOSED_LOST@2025-09-29T22:00:00Z");
		// a closing move a day before the close date goes forward to it
		assertThat(history("Kauri early close")).endsWith("REGISTERED>CLOSED_WON@2025-10-02T08:00:00Z");
		for (var name : List.of("Kauri next-day close", "Kauri late move", "Kauri right day", "Kauri early close")) {
			assertThat(closedDay(name)).as(name).isEqualTo(closeDate(name)).isEqualTo(lastMoveDay(name));
		}

		long changes = this.fixtures.count("opportunity_stage_change");
		long audits = this.fixtures.count("audit_entry");
		salesforce().andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.opportunities.create").value(0))
			.andExpect(jsonPath("$.counts.opportunities.update").value(0))
			.andExpect(jsonPath("$.counts.opportunities.unchanged").value(4))
			.andExpect(jsonPath("$.counts.stageChanges.create").value(0));
		assertThat(this.fixtures.count("opportunity_stage_change")).isEqualTo(changes);
		assertThat(this.fixtures.count("audit_entry")).isEqualTo(audits);
	}

	@Test
	void aHubspotDateEnteredTheClosedStageIsMovedOntoTheCloseDateAndAReImportWritesNothing() throws Exception {
		hubspot().andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.opportunities.create").value(1))
			.andExpect(jsonPath("$.warnings", hasItem(startsWith("deals row 2: Close Date 2025-09-30: the closing "
					+ "move to CLOSED_WON at 2025-09-30T20:00:00Z falls on 2025-10-01 in Pacific/Auckland"))));
		assertThat(history("Kauri hub close")).endsWith("REGISTERED>CLOSED_WON@2025-09-29T20:00:00Z");
		assertThat(closedDay("Kauri hub close")).isEqualTo(LocalDate.of(2025, 9, 30));
		long changes = this.fixtures.count("opportunity_stage_change");
		hubspot().andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.opportunities.unchanged").value(1))
			.andExpect(jsonPath("$.counts.stageChanges.create").value(0));
		assertThat(this.fixtures.count("opportunity_stage_change")).isEqualTo(changes);
	}

	private ResultActions salesforce() throws Exception {
		var files = new LinkedHashMap<String, String>();
		files.put("Account", ACCOUNTS);
		files.put("User", "Id,Email\n005NZ01," + this.email + "\n");
		files.put("Opportunity", DEALS);
		files.put("OpportunityHistory", HISTORY);
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/salesforce");
		files.forEach((name, text) -> request
			.file(new MockMultipartFile(name, name + ".csv", "text/csv", text.getBytes(StandardCharsets.UTF_8))));
		return this.mvc.perform(request.param("dryRun", "false").header("Authorization", "Bearer " + this.token));
	}

	private ResultActions hubspot() throws Exception {
		var companies = "Record ID,Company name,Create Date,Owner email\n98NZ01,Kauri hub company,2025-01-06 09:00,"
				+ this.email + "\n";
		var deals = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Owner email,Associated Company IDs,"
				+ "\"Date entered \"\"Prospecting (Sales Pipeline)\"\"\",\"Date entered \"\"Closed Won (Sales Pipeline)\"\"\"\n"
				+ "97NZ01,Kauri hub close,Closed Won,10,2025-09-30,2025-09-01 10:00," + this.email + ",98NZ01,"
				+ "2025-09-01 10:00,2025-09-30T20:00:00Z\n";
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports/hubspot");
		request.file(new MockMultipartFile("companies", "companies.csv", "text/csv",
				companies.getBytes(StandardCharsets.UTF_8)));
		request.file(new MockMultipartFile("deals", "deals.csv", "text/csv", deals.getBytes(StandardCharsets.UTF_8)));
		return this.mvc.perform(request.param("dryRun", "false").header("Authorization", "Bearer " + this.token));
	}

	private LocalDate closedDay(String name) {
		return this.jdbc.sql("SELECT closed_at FROM opportunity WHERE name = ?")
			.param(name)
			.query((rs, n) -> rs.getTimestamp(1).toInstant().atZone(AUCKLAND).toLocalDate())
			.single();
	}

	private LocalDate closeDate(String name) {
		return this.jdbc.sql("SELECT close_date FROM opportunity WHERE name = ?")
			.param(name)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.single();
	}

	private LocalDate lastMoveDay(String name) {
		return this.jdbc.sql("""
				SELECT max(sc.changed_at) FROM opportunity_stage_change sc
				JOIN opportunity o ON o.id = sc.opportunity_id WHERE o.name = ?
				""")
			.param(name)
			.query((rs, n) -> rs.getTimestamp(1).toInstant().atZone(AUCKLAND).toLocalDate())
			.single();
	}

	private String history(String name) {
		return this.jdbc.sql("""
				SELECT sc.from_stage, sc.to_stage, sc.changed_at FROM opportunity_stage_change sc
				JOIN opportunity o ON o.id = sc.opportunity_id WHERE o.name = ? ORDER BY sc.changed_at, sc.id
				""")
			.param(name)
			.query((rs, n) -> rs.getString(1) + ">" + rs.getString(2) + "@" + rs.getTimestamp(3).toInstant())
			.list()
			.stream()
			.collect(Collectors.joining(", "));
	}

}
