package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Api;
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
 * Account plans as a Trellis format: the plans export (ids, owners' e-mails, ISO days,
 * goals with their currency, each action's id) imports back changing nothing; an edited
 * cell changes only its plan or action (audited "by import"); a row without an action id
 * adds the action once; a dry run lists every bad row; a real run writes all or nothing;
 * who may import is asked before the file is read and who may write each plan before its
 * values.
 */
@TrellisTest
class TrellisPlanFormatTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	BusinessCalendar calendar;

	Viewer admin;

	Fixtures.World world;

	long planId;

	@BeforeEach
	void plan() throws Exception {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.world = this.fixtures.world("Plan Format " + System.nanoTime());
		var pam = new Api(this.mvc, this.fixtures.token(this.world.pam()));
		this.planId = id(pam.post("/api/v1/account-plans", body(this.world, "=Joint, \"expansion\" plan"))
			.andExpect(status().isCreated()));
		pam.post(actions(this.planId), action("Workshop with the CIO", "VENDOR", 10, "OPEN"))
			.andExpect(status().isCreated());
		pam.post(actions(this.planId), action("Reference story", "PARTNER", -5, "DONE"))
			.andExpect(status().isCreated());
	}

	@Test
	void theExportCarriesIdsEmailsAndCurrencyAndTheWholeExportReimportsUnchanged() throws Exception {
		var csv = export(this.admin);
		var header = csv.lines().findFirst().orElseThrow();
		assertThat(header).isEqualTo("\uFEFFplan_id,title,partner_id,partner,account_id,account,status,outcome,"
				+ "outcome_note,closed_by,closed_at,currency,pipeline_goal,revenue_goal,starts_on,ends_on,"
				+ "our_owner_email,our_owner,partner_contact_email,partner_contact,action_id,action,side,due_on,"
				+ "action_status,done_by,done_at");
		var mine = rows(csv, this.planId);
		assertThat(mine).hasSize(2);
		assertThat(mine.get(0))
			.startsWith(this.planId + ",\"'=Joint, \"\"expansion\"\" plan\"," + this.world.partnerId() + ",")
			.contains("," + this.world.accountId() + ",", ",EUR,250000.00,100000.00,",
					"," + this.fixtures.email(this.world.ae()) + ",",
					"," + this.fixtures.email(this.world.partnerUser()) + ",")
			.contains(",Reference story,PARTNER," + this.calendar.today().minusDays(5) + ",DONE,");
		assertThat(mine.get(1)).matches(".*,[0-9]+,Workshop with the CIO,VENDOR,[-0-9]{10},OPEN,,$");
		long records = records(csv);
		importing(this.admin, csv, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(records));
		assertThat(export(this.admin)).isEqualTo(csv);
		assertThat(this.audit.history("account-plan", this.planId)).noneMatch(e -> e.action().endsWith("by import"));
	}

	@Test
	void anEditedCellChangesOnlyItsActionOrPlanAndIsAudited() throws Exception {
		var csv = mine(this.world.pam());
		var workshop = rows(csv, this.planId).get(1).split(",", -1);
		long actionId = Long.parseLong(workshop[workshop.length - 7]);
		var later = this.calendar.today().plusDays(30).toString();
		var edited = csv.replace(",Workshop with the CIO,VENDOR," + this.calendar.today().plusDays(10) + ",",
				",Workshop with the CIO,VENDOR," + later + ",");
		assertThat(edited).isNotEqualTo(csv);
		importing(this.world.pam(), edited, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(mine(this.world.pam())).isEqualTo(edited);
		assertThat(this.audit.history("account-plan", this.planId))
			.anyMatch(e -> e.action().equals("action " + actionId + " changed by import"));
		// the plan's own cell, in every row of the plan
		var retitled = edited.replace("\"'=Joint, \"\"expansion\"\" plan\"", "Joint expansion 2027")
			.replace(",250000.00,", ",300000.00,");
		importing(this.world.pam(), retitled, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(2));
		assertThat(mine(this.world.pam())).isEqualTo(retitled);
		assertThat(this.audit.history("account-plan", this.planId))
			.anyMatch(e -> e.action().equals("updated by import"));
	}

	@Test
	void aRowWithoutAnActionIdAddsTheActionOnceAndAnotherSystemsPlanIsCreatedOnce() throws Exception {
		var csv = mine(this.world.pam());
		var last = rows(csv, this.planId).get(1);
		var cells = last.split(",", -1);
		int a = cells.length - 7;
		cells[a] = "";
		cells[a + 1] = "Partner hosts a joint event";
		cells[a + 2] = "PARTNER";
		var added = csv + String.join(",", cells) + "\r\n";
		importing(this.world.pam(), added, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.unchanged").value(3));
		importing(this.world.pam(), added, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.unchanged").value(4));
		assertThat(actions()).isEqualTo(3);

		// the same plan as another system's, for another account of the partner
		long other = this.fixtures.account("Plan Format other " + System.nanoTime(), null, this.world.ae().userId());
		var source = "crm-" + System.nanoTime();
		var foreign = csv.lines()
			.map(l -> l.startsWith(this.planId + ",")
					? source + l.substring(String.valueOf(this.planId).length())
						.replace("," + this.world.accountId() + ",", "," + other + ",")
						.replaceFirst(",[0-9]+,(Workshop|Reference)", ",,$1")
					: l.replace("\uFEFFplan_id,", "plan_source_id,"))
			.reduce("", (x, y) -> x + y + "\r\n");
		importing(this.admin, foreign, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(3));
		importing(this.admin, foreign, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(3));
		assertThat(this.jdbc.sql("SELECT count(*) FROM account_plan WHERE account_id = ?")
			.param(other)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aDryRunListsEveryBadRowAndTheRealRunWithOneBadRowWritesNothing() throws Exception {
		var csv = mine(this.world.pam());
		var good = rows(csv, this.planId).get(1);
		var header = csv.lines().findFirst().orElseThrow();
		var contact = this.fixtures.email(this.world.partnerUser());
		var bad = header + "\r\n" + good + "\r\n" // row 2: fine
				+ good.replace(",VENDOR,", ",SOMEONE,").replace("Workshop with the CIO", "Another") + "\r\n" // row
																												// 3
				+ good.replace(",EUR,", ",XYZ,") + "\r\n" // row 4: differs from row 2
				+ ",Plan,1,x,1,x,OPEN,,,,,EUR,1.00,1.00,2026-01-01,2026-02-01," + contact + ",," + contact
				+ ",,,Act,VENDOR,2026-01-01,OPEN,,\r\n" // row 5: no plan key
				+ "999999999,Plan,1,x,1,x,OPEN,,,,,EUR,1.00,1.00,2026-01-01,2026-02-01," + contact + ",," + contact
				+ ",,,Act,VENDOR,2026-01-01,OPEN,,\r\n" // row 6: no such plan
				+ good.replaceFirst(",[0-9]+,Workshop", ",1,Workshop") + "\r\n"; // row 7
		importing(this.world.pam(), bad, true).andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("row 3: side", "row 3: action_id",
					"row 4: currency", "row 5: plan_id", "row 6: plan_id", "row 7: action_id")))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 4: currency')].message")
				.value(hasItem(org.hamcrest.Matchers.containsString("differs from row 2"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 3: action_id')].message")
				.value(hasItem(org.hamcrest.Matchers.containsString("appears twice in the file"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'row 7: action_id')].message")
				.value(hasItem("'1' is no action of this plan")));
		// cells that are not what they say, then values against the rules: each named
		var source = header.replace("plan_id,", "plan_source_id,") + "\r\n" + "crm-v" + System.nanoTime() + ",Plan,"
				+ this.world.partnerId() + ",x," + this.world.accountId() + ",x,OPEN,,,,,EUR,";
		importing(this.admin,
				source + "\"12,50\",1.00,2026-01-01,2026-13-01,nobody@nowhere.example,," + contact
						+ ",,,Act,VENDOR,01.02.2026,OPEN,,\r\n",
				true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("row 2: pipeline_goal", "row 2: ends_on",
					"row 2: our_owner_email", "row 2: due_on", "row 2: account_id")))
			// the partner's plan for this account is open: a fault of the row beside its
			// cells, named in the same round
			.andExpect(jsonPath("$.errors[?(@.field == 'row 2: account_id')].message").value(hasItem(
					org.hamcrest.Matchers.containsString("the partner has an open plan for this account already"))));
		importing(this.admin,
				source + "10.00,1.005,2026-02-01,2026-01-01," + this.fixtures.email(this.world.ae()) + ",,"
						+ this.fixtures.email(this.world.ae()) + ",,,Act,VENDOR,2026-01-01,OPEN,,\r\n",
				true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("row 2: revenue_goal", "row 2: ends_on",
					"row 2: partner_contact_email", "row 2: account_id")));
		importing(this.world.pam(), bad, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("row 3: side")));
		assertThat(actions()).isEqualTo(2);
	}

	@Test
	void whoMayImportIsAskedBeforeTheFileAndWhoWritesEachPlanBeforeItsValues() throws Exception {
		var csv = mine(this.world.pam());
		importing(this.world.partnerUser(), "not even csv \"", true).andExpect(status().isForbidden());
		importing(this.world.ae(), "not even csv \"", true).andExpect(status().isForbidden());
		var stranger = this.fixtures.world("Plan Format Stranger " + System.nanoTime());
		importing(stranger.pam(), csv.replace(",EUR,", ",XYZ,"), false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("row 2: plan_id", "row 3: plan_id")))
			.andExpect(jsonPath("$.errors[1].message").value("'" + this.planId + "' is refused as in row 2"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("'" + this.planId + "' is a plan of a partner that is not of your book"));
		// nor may a PAM move their plan to a partner outside their book
		importing(this.world.pam(), csv.replace("," + this.world.partnerId() + ",", "," + stranger.partnerId() + ","),
				true)
			.andExpect(jsonPath("$.errors[0].field").value("row 2: partner_id"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("'" + stranger.partnerId() + "' is not a partner of your book"));
		// a closed plan stays as it was
		new Api(this.mvc, this.fixtures.token(this.world.pam()))
			.post("/api/v1/account-plans/" + this.planId + "/close", "{\"outcome\": \"ACHIEVED\", \"note\": \"Done\"}")
			.andExpect(status().isOk());
		var closed = mine(this.world.pam());
		importing(this.world.pam(), closed, false).andExpect(jsonPath("$.unchanged").value(3));
		importing(this.world.pam(), closed.replace(",250000.00,", ",1.00,"), true)
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("row 2: plan_id")))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("closed plan")));
	}

	private long records(String csv) {
		var lines = csv.lines().skip(1).toList();
		long plans = lines.stream().map(l -> l.substring(0, l.indexOf(','))).distinct().count();
		long actions = lines.stream().filter(l -> !l.endsWith(",,,,,,,")).count();
		return plans + actions;
	}

	private long actions() {
		return this.jdbc.sql("SELECT count(*) FROM account_plan_action WHERE plan_id = ?")
			.param(this.planId)
			.query(Long.class)
			.single();
	}

	/** The viewer's export with only this test's plan. */
	private String mine(Viewer viewer) throws Exception {
		var csv = export(viewer);
		return csv.lines().findFirst().orElseThrow() + "\r\n" + String.join("\r\n", rows(csv, this.planId)) + "\r\n";
	}

	private static List<String> rows(String csv, long plan) {
		return csv.lines().filter(l -> l.startsWith(plan + ",")).toList();
	}

	private String export(Viewer viewer) throws Exception {
		return this.mvc
			.perform(get("/api/v1/account-plans/export.csv").header("Authorization",
					"Bearer " + this.fixtures.token(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private ResultActions importing(Viewer viewer, String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/plans")
			.file(new MockMultipartFile("file", "account-plans.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(viewer)));
	}

	private String body(Fixtures.World w, String title) {
		var today = this.calendar.today();
		return """
				{"partnerId": %d, "accountId": %d, "title": "%s", "pipelineGoal": 250000, "revenueGoal": 100000,
				 "currency": "EUR", "startsOn": "%s", "endsOn": "%s", "vendorOwnerId": %d, "partnerContactId": %d}
				""".formatted(w.partnerId(), w.accountId(), title.replace("\"", "\\\""), today, today.plusDays(90),
				w.ae().userId(), w.partnerUser().userId());
	}

	private String action(String what, String side, int days, String status) {
		return "{\"description\": \"%s\", \"side\": \"%s\", \"dueOn\": \"%s\", \"status\": \"%s\"}".formatted(what,
				side, this.calendar.today().plusDays(days), status);
	}

	private static String actions(long plan) {
		return "/api/v1/account-plans/" + plan + "/actions";
	}

	private static long id(ResultActions result) throws Exception {
		return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
	}

}
