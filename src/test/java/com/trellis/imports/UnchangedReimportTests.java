package com.trellis.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A value the file leaves as it is, is kept as it is: a record's current holder (the
 * admin who holds a partner or an account a CRM import brought in, a plan owner who left)
 * is not held again to the rule for a newly named one, so each export re-imports
 * unchanged and with another cell edited; and a done action's who/when stay those of the
 * moment it turned done (docs/import.md, "Round trip").
 */
@TrellisTest
class UnchangedReimportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	Viewer admin;

	Fixtures.World world;

	String tag;

	@BeforeEach
	void world() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.tag = "Kept Holder " + System.nanoTime();
		this.world = this.fixtures.world(this.tag);
	}

	@Test
	void aPartnerTheAdminHoldsReimportsUnchangedAndWithAnEditedName() throws Exception {
		// with a domain stored before every path read domains bare: still unchanged
		this.jdbc.sql("UPDATE partner SET owner_pam_id = ?, web_domain = 'www.kept-holder.example' WHERE id = ?")
			.params(this.admin.userId(), this.world.partnerId())
			.update();
		var url = "/partners/export.csv?q=" + this.tag.replace(" ", "%20");
		var csv = export(url);
		assertThat(csv).contains("," + this.admin.userId() + ",");
		importing("partners", csv).andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		importing("partners", csv.replace(this.tag + ",", this.tag + " Renamed,"))
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.updated").value(1));
		assertThat(ownerOf("partner", "owner_pam_id", this.world.partnerId())).isEqualTo(this.admin.userId());
		// a newly named holder must still be an active PAM
		var ae = this.world.ae().userId();
		this.mvc.perform(upload("partners", csv.replace("," + this.admin.userId() + ",", "," + ae + ",")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.endsWith("owner_pam_id")));
	}

	@Test
	void anAccountTheAdminOwnsReimportsUnchangedAndWithAnEditedName() throws Exception {
		long account = this.fixtures.account(this.tag + " held", null, this.admin.userId());
		var url = "/api/v1/accounts/export.csv?q=" + (this.tag + " held").replace(" ", "%20");
		var csv = export(url);
		importing("accounts", csv).andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
		importing("accounts", csv.replace(this.tag + " held,", this.tag + " held renamed,"))
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.updated").value(1));
		assertThat(ownerOf("account", "owner_ae_id", account)).isEqualTo(this.admin.userId());
	}

	@Test
	void aPlanWhoseOwnerAndContactLeftTakesAnEditedTitleAndKeepsThem() throws Exception {
		long plan = plan();
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id IN (?, ?)")
			.params(this.world.ae().userId(), this.world.partnerUser().userId())
			.update();
		var csv = plans();
		importing("plans", csv).andExpect(jsonPath("$.errorCount").value(0)).andExpect(jsonPath("$.updated").value(0));
		importing("plans", csv.replace(this.tag + " plan,", this.tag + " plan 2027,"))
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.updated").value(1));
		assertThat(ownerOf("account_plan", "vendor_owner_id", plan)).isEqualTo(this.world.ae().userId());
	}

	@Test
	void aDoneActionKeepsWhoAndWhenThroughAnEditedCellAndOnlyATurnToDoneRecordsThem() throws Exception {
		long plan = plan();
		var pam = new Api(this.mvc, this.fixtures.token(this.world.pam()));
		var due = this.calendar.today().plusDays(7);
		pam.post("/api/v1/account-plans/" + plan + "/actions", """
				{"description": "Stamped story", "side": "VENDOR", "dueOn": "%s", "status": "DONE"}""".formatted(due))
			.andExpect(status().isCreated());
		pam.post("/api/v1/account-plans/" + plan + "/actions", """
				{"description": "Unstamped story", "side": "VENDOR", "dueOn": "%s", "status": "OPEN"}""".formatted(due))
			.andExpect(status().isCreated());
		var earlier = Instant.parse("2026-01-05T09:00:00Z");
		// one done when Trellis still kept no who/when (before V67, as the demo data)
		this.jdbc.sql("UPDATE account_plan_action SET status = 'DONE' WHERE plan_id = ? AND description = ?")
			.params(plan, "Unstamped story")
			.update();
		this.jdbc.sql("UPDATE account_plan_action SET done_at = ? WHERE plan_id = ? AND description = ?")
			.params(Timestamp.from(earlier), plan, "Stamped story")
			.update();
		var later = due.plusDays(3).toString();
		var csv = plans();
		var edited = csv.replace(",Stamped story,VENDOR," + due + ",", ",Stamped story,VENDOR," + later + ",")
			.replace(",Unstamped story,VENDOR," + due + ",", ",Unstamped story,VENDOR," + later + ",");
		importing("plans", edited).andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.updated").value(2));
		assertThat(stamps(plan, "Stamped story")).containsEntry("done_by", this.world.pam().userId())
			.containsEntry("done_at", Timestamp.from(earlier));
		assertThat(stamps(plan, "Unstamped story")).containsEntry("done_by", null).containsEntry("done_at", null);
		// back to open clears them; done again records the importer
		importing("plans", edited.replace(",Unstamped story,VENDOR," + later + ",DONE,",
				",Unstamped story,VENDOR," + later + ",OPEN,"))
			.andExpect(jsonPath("$.updated").value(1));
		importing("plans", edited).andExpect(jsonPath("$.updated").value(1));
		assertThat(stamps(plan, "Unstamped story")).containsEntry("done_by", this.admin.userId());
	}

	private Map<String, Object> stamps(long plan, String action) {
		return this.jdbc.sql("SELECT done_by, done_at FROM account_plan_action WHERE plan_id = ? AND description = ?")
			.params(plan, action)
			.query()
			.singleRow();
	}

	private long plan() throws Exception {
		var today = this.calendar.today();
		var pam = new Api(this.mvc, this.fixtures.token(this.world.pam()));
		var created = pam
			.post("/api/v1/account-plans", """
					{"partnerId": %d, "accountId": %d, "title": "%s plan", "pipelineGoal": 1000, "revenueGoal": 500,
					 "currency": "EUR", "startsOn": "%s", "endsOn": "%s", "vendorOwnerId": %d, "partnerContactId": %d}
					""".formatted(this.world.partnerId(), this.world.accountId(), this.tag, today, today.plusDays(90),
					this.world.ae().userId(), this.world.partnerUser().userId()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	/** The plans export with this test's partner's rows only. */
	private String plans() throws Exception {
		var csv = export("/api/v1/account-plans/export.csv");
		var mine = csv.lines().filter(l -> l.contains("," + this.world.partnerId() + "," + this.tag + ",")).toList();
		assertThat(mine).isNotEmpty();
		return csv.lines().findFirst().orElseThrow() + "\r\n" + String.join("\r\n", mine) + "\r\n";
	}

	private long ownerOf(String table, String column, long id) {
		return this.jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	private String export(String url) throws Exception {
		var request = get(java.net.URI.create(url));
		if (url.startsWith("/api/")) {
			request.header("Authorization", "Bearer " + this.fixtures.token(this.admin));
		}
		else {
			request.session(
					(MockHttpSession) this.mvc
						.perform(post("/login").param("username", this.fixtures.email(this.admin))
							.param("password", "secret")
							.with(csrf()))
						.andReturn()
						.getRequest()
						.getSession(false));
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private ResultActions importing(String format, String csv) throws Exception {
		return this.mvc.perform(upload(format, csv)).andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(String format,
			String csv) {
		return multipart("/api/v1/imports/trellis/" + format)
			.file(new MockMultipartFile("file", format + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", "false")
			.header("Authorization", "Bearer " + this.fixtures.token(this.admin));
	}

}
