package com.trellis.activation;

import java.time.LocalDate;

import com.trellis.support.Fixtures;
import com.trellis.support.Readers;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The activation book exports as CSV for vendor staff: a row per plan with its progress,
 * next milestone and open blockers; partner users have no book.
 */
@TrellisTest
class ActivationExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ActivationPlans plans;

	@Autowired
	ActivationProgress progress;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	/** A plan past its 90 days says how far past ("Day 120 of 90" before). */
	@Test
	void aPlanPastItsNinetyDaysSaysHowFarPast() throws Exception {
		var world = this.fixtures.world("Late Activation Partners");
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'PROSPECT', onboarded_on = NULL WHERE id = ?")
			.param(world.partnerId())
			.update();
		this.progress.start(world.partnerId(), this.calendar.today().minusDays(120));
		var page = Readers.read(this.mvc, new Readers(this.mvc, this.jdbc, this.fixtures).signIn(world.pam()),
				"/partners/" + world.partnerId() + "/activation");
		assertThat(page).contains("Day 120, 30 days after its 90 days").doesNotContain("of 90");
	}

	@Test
	void aPamExportsTheBookWithEachPlansProgressAndBlockers() throws Exception {
		var world = this.fixtures.world("Export Activation Partners");
		this.jdbc.sql("UPDATE partner SET lifecycle_status = 'PROSPECT', onboarded_on = NULL WHERE id = ?")
			.param(world.partnerId())
			.update();
		this.jdbc
			.sql("UPDATE opportunity SET stage = 'CLOSED_LOST', closed_at = now() - interval '400 days', "
					+ "created_at = now() - interval '400 days' WHERE id = ?")
			.param(world.dealId())
			.update();
		this.progress.start(world.partnerId(), LocalDate.of(2026, 11, 22));
		this.plans.recordBlocker(world.pam(), world.partnerId(), Blocker.REGISTRATION_FRICTION, "Form too long");
		var plan = this.plans.plan(world.pam(), world.partnerId());
		var readers = new Readers(this.mvc, this.jdbc, this.fixtures);
		var pam = readers.signIn(world.pam());

		var csv = this.mvc.perform(get("/activation/export.csv").session(pam))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().toList().get(0)).isEqualTo("\uFEFF" + String.join(",", ActivationExport.HEADER));
		var row = csv.lines().filter(l -> l.startsWith(world.partnerId() + ",")).findFirst().orElseThrow();
		assertThat(row).startsWith(world.partnerId() + ",Export Activation Partners,2026-11-22,")
			.contains("," + plan.milestones().size() + ",")
			.contains(",REGISTRATION_FRICTION,");
		assertThat(Readers.read(this.mvc, pam, "/activation")).contains("href=\"/activation/export.csv\"");
		this.mvc.perform(get("/activation/export.csv").session(readers.signIn(world.partnerUser())))
			.andExpect(status().isForbidden());
	}

}
