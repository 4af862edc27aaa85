package com.trellis.guidance;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.scoring.HighPotentialLine;
import com.trellis.support.Api;
import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The guidance list exports (product §C20, "export of every list"): the caller's waiting
 * recommendations and every one they handled, worded in their locale, nobody else's; a
 * dismissal's reason that a spreadsheet would read as a formula is guarded.
 */
@TrellisTest
class GuidanceExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GuidanceStore store;

	@Autowired
	Guidance guidance;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Test
	void theCallersWaitingAndHandledRecommendationsAndNobodyElses() throws Exception {
		var pam = this.fixtures.user(Role.PAM);
		var other = this.fixtures.user(Role.PAM);
		var day = showDay();
		long waiting = show(pam, "Export Waiting Partners", day);
		long accepted = show(pam, "Export Accepted Partners", day);
		long dismissed = show(pam, "Export Dismissed Partners", day);
		long others = show(other, "Export Other Partners", day);
		this.guidance.accept(pam, accepted);
		this.guidance.dismiss(pam, dismissed, "=HYPERLINK(\"x\")");
		new Readers(this.mvc, this.jdbc, this.fixtures).german(pam);

		var csv = new Api(this.mvc, this.fixtures.token(pam)).get("/api/v1/guidance/export.csv")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var lines = csv.replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).isEqualTo("id,state,kind,kind_label,partner_id,title,reason,action_label,action_link,"
				+ "shown_on,snoozed_until,dismiss_reason,acted_at,outcome_at");
		assertThat(lines).filteredOn(l -> l.startsWith(waiting + ",OPEN,INTRODUCE_TO_AES,"))
			.singleElement()
			.satisfies(l -> assertThat(l).contains("USD 89.182,00").contains(day.toString()));
		assertThat(lines).filteredOn(l -> l.startsWith(accepted + ",ACCEPTED,")).hasSize(1);
		assertThat(lines).filteredOn(l -> l.startsWith(dismissed + ",DISMISSED,"))
			.singleElement()
			.satisfies(l -> assertThat(l).contains(",\"'=HYPERLINK(\"\"x\"\")\","));
		assertThat(csv).doesNotContain("Export Other Partners").doesNotContain("\r\n" + others + ",");

		var session = new Readers(this.mvc, this.jdbc, this.fixtures).signIn(pam);
		new Readers(this.mvc, this.jdbc, this.fixtures).page(session, "/guidance", "/guidance/export.csv");
	}

	@Test
	void aPartnerUserExportsTheirOwnOnly() throws Exception {
		var world = this.fixtures.world("Guidance Export Partner");
		show(this.fixtures.user(Role.PAM), "Export Not The Partners", showDay());
		var csv = new Api(this.mvc, this.fixtures.token(world.partnerUser())).get("/api/v1/guidance/export.csv")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).doesNotContain("Export Not The Partners");
	}

	private LocalDate showDay() {
		return GuidanceShowDay.of(this.jdbc, this.store, this.calendar);
	}

	private long show(Viewer pam, String partnerName, LocalDate day) {
		long partner = this.fixtures.partner(partnerName, pam.userId());
		var line = new HighPotentialLine(partner, partnerName, new BigDecimal("81.0"), new BigDecimal("77.5"),
				new BigDecimal("40.0"), new BigDecimal("89182.00"), "Little pipeline.", null);
		this.store.show(pam.userId(), PamRules.readyForIntroduction(line), day);
		return this.jdbc.sql("SELECT id FROM guidance_recommendation WHERE user_id = :user AND partner_id = :partner")
			.param("user", pam.userId())
			.param("partner", partner)
			.query(Long.class)
			.single();
	}

}
