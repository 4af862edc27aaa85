package com.trellis.plans;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;

import com.trellis.cadence.Meeting;
import com.trellis.cadence.Packs;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The week-3 pipeline and account planning pack lists the book's open plans that are
 * overdue or due within two weeks of today (the business day), its last day included,
 * overdue first; plans due later, closed plans and other books' plans are not listed.
 */
@TrellisTest
class PlansPackTests {

	@Autowired
	Packs packs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void thePlanningPackListsTheBooksPlansDueAndOverdue() {
		var a = this.fixtures.world("Pack Plans A");
		var b = this.fixtures.world("Pack Plans B");
		var today = this.calendar.today();
		long overdue = plan(a, "Overdue plan", today.plusDays(60));
		action(overdue, "Send the reference", today.minusDays(3), "OPEN");
		action(overdue, "Done long ago", today.minusDays(20), "DONE");
		long due = plan(a, "Due plan", today.plusDays(60));
		action(due, "Book the workshop", today.plusDays(5), "OPEN");
		long later = plan(a, "Later plan", today.plusDays(60));
		action(later, "Next quarter", today.plusDays(40), "OPEN");
		// the two weeks include their last day (try84: an action due on day 14 was left
		// out)
		long lastDay = plan(a, "Last day plan", today.plusDays(60));
		action(lastDay, "Sign the plan", today.plusDays(14), "OPEN");
		long dayAfter = plan(a, "Day after plan", today.plusDays(60));
		action(dayAfter, "Review", today.plusDays(15), "OPEN");
		long ending = plan(a, "Ending plan", today.plusDays(2));
		plan(b, "Other book's plan", today.minusDays(1));

		var pack = this.packs.pack(a.pam(), "2026-Q4", Meeting.PIPELINE_PLANNING, 3, null);
		var section = pack.sections()
			.stream()
			.filter(s -> s.heading().equals("Account plans due and overdue"))
			.findFirst()
			.orElseThrow();
		assertThat(section.rows()).extracting(r -> r.get(2) + " " + r.get(3) + " " + r.get(5))
			.containsExactly("Overdue plan Send the reference overdue", "Ending plan (no open action) due",
					"Due plan Book the workshop due", "Last day plan Sign the plan due");
		assertThat(ending).isPositive();
		assertThat(dayAfter).isPositive();
	}

	@Test
	void theDemoStartsWithAccountPlansAndOverlapSourcedDealsMostForTheBestPartners() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM account_plan WHERE title LIKE '%joint expansion'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM account_plan_action x JOIN account_plan p ON p.id = x.plan_id
				WHERE p.title LIKE '%joint expansion' AND x.status = 'OPEN' AND x.due_on < :today
				""").param("today", Date.valueOf(this.calendar.today())).query(Long.class).single()).isPositive();
		var byTier = this.jdbc.sql("""
				SELECT p.tier, count(*) FROM overlap_sourced_deal s JOIN partner p ON p.id = s.partner_id
				WHERE s.via = 'COSELL_REQUEST' AND s.shown_at < s.recorded_at GROUP BY p.tier ORDER BY p.tier
				""").query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list();
		assertThat(byTier).isNotEmpty();
	}

	private long plan(Fixtures.World w, String title, LocalDate ends) {
		return this.jdbc
			.sql("""
					INSERT INTO account_plan (partner_id, account_id, title, pipeline_goal, revenue_goal, currency, starts_on,
					    ends_on, vendor_owner_id, partner_contact_id, status, created_by, created_at, updated_at)
					VALUES (:p, :a, :t, 1000, 500, 'USD', :starts, :ends, :ae, :contact, 'OPEN', :ae, :now, :now) RETURNING id
					""")
			.param("p", w.partnerId())
			.param("a", this.fixtures.account(title + " account", null, w.ae().userId()))
			.param("t", title)
			.param("starts", Date.valueOf(this.calendar.today().minusDays(30)))
			.param("ends", Date.valueOf(ends))
			.param("ae", w.ae().userId())
			.param("contact", w.partnerUser().userId())
			.param("now", Timestamp.from(java.time.Instant.now()))
			.query(Long.class)
			.single();
	}

	private void action(long plan, String what, LocalDate due, String status) {
		this.jdbc.sql("""
				INSERT INTO account_plan_action (plan_id, description, side, due_on, status, created_at, updated_at)
				VALUES (:plan, :what, 'VENDOR', :due, :status, now(), now())
				""")
			.param("plan", plan)
			.param("what", what)
			.param("due", Date.valueOf(due))
			.param("status", status)
			.update();
	}

}
