package com.trellis.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.trellis.deals.CreditType;
import com.trellis.deals.DealSource;
import com.trellis.deals.Deals;
import com.trellis.deals.OpportunityCommand;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.metrics.Kpi;
import com.trellis.metrics.Kpis;
import com.trellis.metrics.Period;
import com.trellis.metrics.Slice;
import com.trellis.support.Fixtures;
import com.trellis.support.TestClock;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deal format carries each deal's created moment and stage history: deals made and
 * moved in Trellis, exported and imported as another program's deals (another partner's,
 * as a fresh program would hold them), come back with the same history, so the partner's
 * KPIs are the same; a deal already here keeps its recorded history.
 */
@TrellisTest
class TrellisDealHistoryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Deals deals;

	@Autowired
	Kpis kpis;

	Viewer admin;

	Viewer ae;

	long account;

	long partner;

	long copyPartner;

	long won;

	LocalDate firstDay;

	@BeforeEach
	void nativeDeals() {
		this.admin = this.fixtures.user(Role.ADMIN);
		this.ae = this.fixtures.user(Role.AE);
		var pam = this.fixtures.user(Role.PAM);
		this.account = this.fixtures.account("History Buyer " + System.nanoTime(), null, this.ae.userId());
		this.partner = this.fixtures.partner("History Partner " + System.nanoTime(), pam.userId());
		this.copyPartner = this.fixtures.partner("History Copy Partner " + System.nanoTime(), pam.userId());
		this.clock.set(TestClock.START.minus(Duration.ofDays(120)));
		this.firstDay = LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC).minusDays(1);
		this.won = open("Won with history", "80000.00", Stage.QUALIFIED);
		later(2);
		long lost = open("Lost with history", "30000.00", Stage.QUALIFIED);
		later(3);
		long open = open("Open with history", "12000.00", Stage.QUALIFIED);
		later(5);
		move(this.won, Stage.QUALIFIED, Stage.JOINT_WORKING);
		later(4);
		move(open, Stage.QUALIFIED, Stage.JOINT_WORKING);
		move(lost, Stage.QUALIFIED, Stage.CLOSED_LOST);
		later(9);
		move(this.won, Stage.JOINT_WORKING, Stage.COMMIT);
		later(11);
		move(this.won, Stage.COMMIT, Stage.CLOSED_WON);
		later(30);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void dealsExportedAndImportedAsAnotherProgramsKeepTheirStageHistoryAndGiveTheSameKpis() throws Exception {
		var lines = export(this.partner);
		assertThat(lines[0]).endsWith(",created_at,stage_history");
		assertThat(lines).hasSize(4);
		assertThat(row(lines, "Won with history"))
			.containsPattern(",QUALIFIED@[^;]+;JOINT_WORKING@[^;]+;COMMIT@[^;]+;CLOSED_WON@[^;,]+$");

		var file = new StringBuilder(lines[0].replaceFirst("^id,", "source_id,")).append("\r\n");
		for (int i = 1; i < lines.length; i++) {
			var cells = lines[i].split(",", -1);
			cells[0] = "copy-" + cells[0];
			cells[2] = "";
			cells[10] = String.valueOf(this.copyPartner);
			file.append(String.join(",", cells)).append("\r\n");
		}
		importing(file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.errorCount").value(0))
			.andExpect(jsonPath("$.created").value(3));

		var copies = export(this.copyPartner);
		assertThat(withoutIdsAndPartner(copies)).containsExactlyInAnyOrderElementsOf(withoutIdsAndPartner(lines));
		var period = Period.of(this.firstDay, LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC));
		var original = values(this.kpis.compute(this.admin, period, new Slice(Slice.Kind.PARTNER, "" + this.partner)));
		var imported = values(
				this.kpis.compute(this.admin, period, new Slice(Slice.Kind.PARTNER, "" + this.copyPartner)));
		assertThat(original.values()).as("the partner's deals give KPIs to compare").anyMatch(v -> !v.equals("-"));
		assertThat(imported).isEqualTo(original);

		importing(file.toString(), false).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(3));
	}

	@Test
	void aDealOfThisProgramKeepsItsRecordedHistoryAndCreatedMomentWhateverTheFileSays() throws Exception {
		var lines = export(this.partner);
		var wonRow = row(lines, "Won with history");
		var rewritten = wonRow.replaceFirst(",[^,]*,([^,]*)$",
				",2020-01-01T00:00:00Z,QUALIFIED@2020-01-02T00:00:00Z;CLOSED_WON@2020-01-03T00:00:00Z");
		importing(lines[0] + "\r\n" + rewritten + "\r\n", false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("row 2: created_at"))
			.andExpect(jsonPath("$.errors[1].field").value("row 2: stage_history"))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("never rewrites")));
		assertThat(export(this.partner)).containsExactly(lines);
	}

	@Test
	void aNewDealsHistoryThatCannotStandIsRefusedByRowAndColumnAndNothingIsWritten() throws Exception {
		var head = "source_id,name,account_id,amount,currency,stage,close_date,owner_id,created_at,stage_history\r\n";
		var tail = "," + this.account + ",100.00,USD,";
		var closed = LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC).minusDays(5);
		var csv = head //
				+ "h-1,Ends elsewhere" + tail + "QUALIFIED,," + this.ae.userId()
				+ ",2026-01-05T10:00:00Z,QUALIFIED@2026-01-05T10:00:00Z;COMMIT@2026-02-05T10:00:00Z\r\n"
				+ "h-2,Backwards" + tail + "CLOSED_WON," + closed + "," + this.ae.userId()
				+ ",2026-01-05T10:00:00Z,QUALIFIED@2026-03-05T10:00:00Z;CLOSED_WON@2026-02-05T10:00:00Z\r\n"
				+ "h-3,Not a history" + tail + "QUALIFIED,," + this.ae.userId() + ",,QUALIFIED on 5 January\r\n"
				+ "h-4,Before it was created" + tail + "QUALIFIED,," + this.ae.userId()
				+ ",2026-03-05T10:00:00Z,QUALIFIED@2026-01-05T10:00:00Z\r\n" + "h-5,Bad moment" + tail + "QUALIFIED,,"
				+ this.ae.userId() + ",5 January 2026,\r\n";
		long deals = this.fixtures.count("opportunity");
		importing(csv, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(5))
			.andExpect(jsonPath("$.errors[0].field").value("row 2: stage_history"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("ends in COMMIT")))
			.andExpect(jsonPath("$.errors[1].field").value("row 3: stage_history"))
			.andExpect(jsonPath("$.errors[2].field").value("row 4: stage_history"))
			.andExpect(jsonPath("$.errors[3].field").value("row 5: stage_history"))
			.andExpect(jsonPath("$.errors[4].field").value("row 6: created_at"));
		assertThat(this.fixtures.count("opportunity")).isEqualTo(deals);
	}

	private long open(String name, String amount, Stage stage) {
		var command = new OpportunityCommand(this.account, name, new BigDecimal(amount), "USD", stage,
				LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC).plusDays(60), this.ae.userId(),
				DealSource.PARTNER, this.partner, CreditType.SOURCED, new BigDecimal("20.00"));
		return this.deals.create(this.admin, command).id();
	}

	private void move(long deal, Stage from, Stage to) {
		this.deals.moveStage(this.admin, deal, from, to, "test", false);
	}

	private void later(int days) {
		this.clock.advance(Duration.ofDays(days));
	}

	private static Map<String, String> values(List<Kpi> kpis) {
		return kpis.stream()
			.collect(Collectors.toMap(Kpi::code, k -> k.value() == null ? "-" : k.value().toPlainString()));
	}

	private static String row(String[] lines, String name) {
		return Arrays.stream(lines).filter(l -> l.contains("," + name + ",")).findFirst().orElseThrow();
	}

	/**
	 * The rows without the deal's id and the partner's, which another program has its own
	 * of.
	 */
	private static List<String> withoutIdsAndPartner(String[] lines) {
		var rows = new ArrayList<String>();
		for (int i = 1; i < lines.length; i++) {
			var cells = lines[i].split(",", -1);
			cells[0] = "";
			cells[10] = "";
			rows.add(String.join(",", cells));
		}
		return rows;
	}

	private String[] export(long partnerId) throws Exception {
		return this.mvc.perform(get("/opportunities/export.csv?partnerId=" + partnerId).session(login(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.substring(1)
			.split("\r\n");
	}

	private ResultActions importing(String csv, boolean dryRun) throws Exception {
		return this.mvc.perform(multipart("/api/v1/imports/trellis/deals")
			.file(new MockMultipartFile("file", "deals.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("dryRun", String.valueOf(dryRun))
			.header("Authorization", "Bearer " + this.fixtures.token(this.admin)));
	}

	private MockHttpSession login(Viewer viewer) throws Exception {
		var login = this.mvc.perform(
				post("/login").param("username", this.fixtures.email(viewer)).param("password", "secret").with(csrf()))
			.andReturn();
		return (MockHttpSession) login.getRequest().getSession(false);
	}

}
