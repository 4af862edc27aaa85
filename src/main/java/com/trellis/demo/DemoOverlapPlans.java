package com.trellis.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After the demo partners' account lists are in: overlap-sourced deals and account plans,
 * driven by partner quality, so the AE view, the KPI and the week-3 pack show something
 * on first start. Partners with a list are taken best first (tier, then trust); the
 * better the partner, the more of its overlaps the field acted on: its overlap with an
 * account was shown to the account's owner, who asked it for help on an open direct deal
 * there (answered the same day by a Tier 1 partner, after three days otherwise), which
 * makes the deal overlap-sourced. Each such partner gets an account plan on its largest
 * overlap, with an overdue action, one due soon and one done.
 */
@Component
class DemoOverlapPlans {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final BusinessCalendar calendar;

	DemoOverlapPlans(JdbcClient jdbc, Clock clock, BusinessCalendar calendar) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.calendar = calendar;
	}

	void write() {
		var partners = this.jdbc
			.sql("""
					SELECT l.partner_id, p.tier, p.name FROM partner_account_list l JOIN partner p ON p.id = l.partner_id
					WHERE l.current
					ORDER BY p.tier, (SELECT s.score FROM partner_score_week s WHERE s.partner_id = p.id AND s.pillar = 'TRUST'
					                  ORDER BY s.week_start DESC LIMIT 1) DESC NULLS LAST, p.id
					""")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.list();
		for (var partner : partners) {
			long id = (Long) partner[0];
			var tier = (String) partner[1];
			int deals = switch (tier) {
				case "TIER_1_INVEST" -> 4;
				case "TIER_2_EMERGING" -> 2;
				default -> 1;
			};
			sourceDeals(id, deals, tier.equals("TIER_1_INVEST") ? Duration.ofHours(5) : Duration.ofDays(3));
			plan(id, (String) partner[2], tier);
		}
	}

	private void sourceDeals(long partner, int count, Duration answeredAfter) {
		var now = this.clock.instant();
		var deals = this.jdbc.sql("""
				SELECT o.id, o.account_id, o.owner_id, o.name FROM partner_account pa
				JOIN partner_account_list l ON l.id = pa.list_id AND l.current
				JOIN opportunity o ON o.account_id = pa.account_id AND o.partner_id IS NULL
				     AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				WHERE pa.partner_id = :p AND pa.match_confidence = 'AUTOMATIC'
				ORDER BY o.amount DESC, o.id LIMIT :n
				""")
			.param("p", partner)
			.param("n", count)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4) })
			.list();
		var answerer = this.jdbc.sql("SELECT min(id) FROM app_user WHERE partner_id = :p AND enabled")
			.param("p", partner)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.single();
		for (int i = 0; i < deals.size(); i++) {
			var deal = deals.get(i);
			var shown = now.minus(Duration.ofDays(12 + i));
			var asked = shown.plus(Duration.ofDays(2));
			this.jdbc.sql("""
					INSERT INTO overlap_shown (account_id, partner_id, shown_to, shown_at) VALUES (:a, :p, :u, :at)
					ON CONFLICT DO NOTHING
					""")
				.param("a", deal[1])
				.param("p", partner)
				.param("u", deal[2])
				.param("at", Timestamp.from(shown))
				.update();
			this.jdbc
				.sql("""
						INSERT INTO cosell_request (opportunity_id, deal_name, partner_id, requested_by, requested_at, ask, status,
						                            answered_by, answered_at, answer)
						VALUES (:o, :name, :p, :u, :at, 'Your team knows this customer: can you introduce us to the buyer?',
						        CASE WHEN CAST(:answerer AS BIGINT) IS NULL THEN 'OPEN' ELSE 'ACCEPTED' END, :answerer,
						        CASE WHEN CAST(:answerer AS BIGINT) IS NULL THEN NULL ELSE CAST(:answered AS TIMESTAMPTZ) END,
						        CASE WHEN CAST(:answerer AS BIGINT) IS NULL THEN NULL ELSE 'Yes: our account lead will set it up' END)
						""")
				.param("o", deal[0])
				.param("name", deal[3])
				.param("p", partner)
				.param("u", deal[2])
				.param("at", Timestamp.from(asked))
				.param("answerer", answerer, java.sql.Types.BIGINT)
				.param("answered", Timestamp.from(asked.plus(answeredAfter)))
				.update();
			this.jdbc
				.sql("""
						INSERT INTO overlap_sourced_deal (opportunity_id, partner_id, via, acted_by, recorded_at, shown_to, shown_at)
						VALUES (:o, :p, 'COSELL_REQUEST', :u, :at, :u, :shown) ON CONFLICT DO NOTHING
						""")
				.param("o", deal[0])
				.param("p", partner)
				.param("u", deal[2])
				.param("at", Timestamp.from(asked))
				.param("shown", Timestamp.from(shown))
				.update();
		}
	}

	private void plan(long partner, String partnerName, String tier) {
		var today = this.calendar.today();
		var target = this.jdbc.sql("""
				SELECT a.id, a.name, a.owner_ae_id FROM partner_account pa
				JOIN partner_account_list l ON l.id = pa.list_id AND l.current
				JOIN account a ON a.id = pa.account_id
				WHERE pa.partner_id = :p AND pa.match_confidence = 'AUTOMATIC' AND a.owner_ae_id IS NOT NULL
				ORDER BY (SELECT count(*) FROM opportunity o WHERE o.account_id = a.id) DESC, a.id LIMIT 1
				""")
			.param("p", partner)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3) })
			.optional();
		var contact = this.jdbc.sql("SELECT min(id) FROM app_user WHERE partner_id = :p AND enabled")
			.param("p", partner)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.single();
		if (target.isEmpty() || contact == null) {
			return;
		}
		var t = target.get();
		long goal = switch (tier) {
			case "TIER_1_INVEST" -> 400_000;
			case "TIER_2_EMERGING" -> 200_000;
			default -> 80_000;
		};
		long plan = this.jdbc
			.sql("""
					INSERT INTO account_plan (partner_id, account_id, title, pipeline_goal, revenue_goal, currency, starts_on,
					    ends_on, vendor_owner_id, partner_contact_id, status, created_by, created_at, updated_at)
					VALUES (:p, :a, :title, :pipeline, :revenue, 'USD', :starts, :ends, :owner, :contact, 'OPEN', :owner,
					        :now, :now) RETURNING id
					""")
			.param("p", partner)
			.param("a", t[0])
			.param("title", partnerName + " × " + t[1] + ": joint expansion")
			.param("pipeline", goal)
			.param("revenue", goal * 2 / 5)
			.param("starts", Date.valueOf(today.minusDays(30)))
			.param("ends", Date.valueOf(today.plusDays(75)))
			.param("owner", t[2])
			.param("contact", contact)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		action(plan, "Joint account review with the partner's account lead", "VENDOR", today.minusDays(3), "OPEN");
		action(plan, "Partner introduces us to the head of IT", "PARTNER", today.plusDays(6), "OPEN");
		action(plan, "Share the partner's reference story with the account", "PARTNER", today.minusDays(14), "DONE");
	}

	private void action(long plan, String what, String side, LocalDate due, String status) {
		this.jdbc.sql("""
				INSERT INTO account_plan_action (plan_id, description, side, due_on, status, created_at, updated_at)
				VALUES (:plan, :what, :side, :due, :status, :now, :now)
				""")
			.param("plan", plan)
			.param("what", what)
			.param("side", side)
			.param("due", Date.valueOf(due))
			.param("status", status)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
