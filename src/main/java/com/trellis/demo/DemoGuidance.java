package com.trellis.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.trellis.shared.BusinessCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people did with their recommendations over the past {@value #WEEKS} weeks (§C16),
 * so the usefulness table on {@code /guidance} has figures on the first start. Written
 * into {@code guidance_recommendation} as the daily run and the people's clicks would
 * have left it, all shown before today (so none is in anyone's list today):
 * <ul>
 * <li>each PAM's momentum-stalling interventions (weaker partners stall more often) and
 * introductions to account executives (better partners), accepted the more often the
 * better the partner, else dismissed with a reason or left alone;</li>
 * <li>each rep's partner fits: on the deals a rep attached a partner to in those weeks,
 * shown a few days before and mostly accepted; on direct deals that closed without a
 * partner, mostly dismissed or left alone.</li>
 * </ul>
 * Outcomes are not drawn: they are looked up, as the daily run does, among the demo's own
 * co-sell requests, deal registrations and partner attachments within each kind's window
 * (from acceptance for accepted ones, from the day shown for the others), so better
 * partners' recommendations are followed by outcomes more often because they do more.
 * Seeded per partner and deal, so the same seed on the same day gives the same history.
 */
final class DemoGuidance {

	static final int RANDOM_STREAM = 44;

	static final int WEEKS = 8;

	private static final int ROWS_PER_STATEMENT = 250;

	private static final String[] PILLARS = { "READINESS", "BEHAVIOUR", "TRUST" };

	private static final String[] INTERVENTIONS = { "TRAINING", "INCENTIVE", "INTRODUCTION" };

	private static final String[] ACTIONS = { "Plan training", "Offer an incentive", "Arrange an introduction" };

	private static final String[] DISMISSALS = { "Already in touch with them this quarter",
			"Their team is busy with another rollout", "Not a priority for this partner now",
			"The customer prefers to buy direct", "Timing is wrong, revisit next quarter" };

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	private final Instant now;

	private final LocalDate today;

	private final List<Map<String, Object>> pending = new ArrayList<>();

	DemoGuidance(JdbcClient jdbc, BusinessCalendar calendar, Instant now) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.now = now;
		this.today = calendar.today();
	}

	/** Writes the history and looks up its outcomes; returns how many were written. */
	int write(List<PartnerPlan> partners, long seed) {
		int written = 0;
		for (var partner : partners) {
			written += partnerHistory(partner, Randoms.of(seed, RANDOM_STREAM, partner.id));
		}
		written += fits(partners, seed);
		flush();
		lookUpOutcomes();
		return written;
	}

	/** A PAM's stalling interventions and introductions about one partner. */
	private int partnerHistory(PartnerPlan partner, SplittableRandom random) {
		int written = 0;
		for (int back = 1; back <= WEEKS; back++) {
			var shown = this.today.minusWeeks(back).minusDays(random.nextInt(5));
			long at = this.calendar.startOf(shown).getEpochSecond() + 9 * 3600;
			if (!partner.activeAt(at) || random.nextDouble() >= 0.04 + 0.12 * (1 - partner.qBehaviour(at))) {
				continue;
			}
			// the fiscal week the scores use, and a stall the scores could
			// have seen: three weeks of scores, which start 30 days after
			// onboarding (try71b: a partner onboarded on 23 November was
			// "stalling since the week of 2 November", a Monday, when weeks
			// start on Thursdays)
			var quarter = this.calendar.quarterOf(shown);
			var week = quarter.weekStart(quarter.weekOf(shown));
			if (partner.onboardedOn == null
					|| partner.onboardedOn.plusDays(30).plusWeeks(3).isAfter(week.minusWeeks(3))) {
				continue;
			}
			int pillar = random.nextInt(PILLARS.length);
			var intervention = INTERVENTIONS[pillar];
			add(random, partner, partner.ownerPamId, "STALLING_INTERVENTION",
					"partner:" + partner.id + ":" + PILLARS[pillar] + ":" + week,
					ACTIONS[pillar] + " for " + partner.name,
					com.trellis.shared.Possessive.of(partner.name) + " "
							+ PILLARS[pillar].toLowerCase(java.util.Locale.ROOT)
							+ " score was stalling since the week of " + week.minusWeeks(3) + "; " + words(intervention)
							+ " is the intervention that fits that score.",
					"Open the scorecard", "/partners/" + partner.id + "/scorecard", shown, 60,
					"INTRODUCTION".equals(intervention) ? "COSELL" : "REGISTRATION", intervention, null);
			written++;
		}
		var shown = this.today.minusWeeks(1 + random.nextInt(WEEKS)).minusDays(random.nextInt(5));
		long at = this.calendar.startOf(shown).getEpochSecond() + 9 * 3600;
		if (partner.activeAt(at) && partner.qBehaviour(at) > 0.5 && random.nextDouble() < 0.6) {
			add(random, partner, partner.ownerPamId, "INTRODUCE_TO_AES", "partner:" + partner.id,
					"Introduce " + partner.name + " to account executives",
					partner.name + " ranks high on readiness and behaviour while its pipeline is below the median.",
					"Open its overlap accounts", "/partners/" + partner.id + "/overlaps", shown, 30, "COSELL", null,
					null);
			written++;
		}
		return written;
	}

	/**
	 * Partner fits on the deals reps attached a partner to in the weeks (shown two to
	 * eight days before) and on direct deals closed in them without a partner.
	 */
	private int fits(List<PartnerPlan> partners, long seed) {
		var byId = new HashMap<Long, PartnerPlan>();
		partners.forEach(p -> byId.put(p.id, p));
		var from = this.calendar.startOf(this.today.minusWeeks(WEEKS));
		var attached = this.jdbc.sql("""
				SELECT o.id, o.name, o.owner_id, a.partner_id, a.attached_at FROM deal_partner_attachment a
				JOIN opportunity o ON o.id = a.opportunity_id
				WHERE a.via = 'REP' AND a.attached_at >= :from AND a.attached_at < :now ORDER BY o.id
				""").param("from", Timestamp.from(from)).param("now", Timestamp.from(this.now)).query().listOfRows();
		int written = 0;
		for (var row : attached) {
			long deal = ((Number) row.get("id")).longValue();
			var partner = byId.get(((Number) row.get("partner_id")).longValue());
			var random = Randoms.of(seed, RANDOM_STREAM, -deal);
			var on = ((Timestamp) row.get("attached_at")).toInstant().atZone(this.calendar.zone()).toLocalDate();
			var shown = on.minusDays(2 + random.nextInt(7));
			if (partner == null || !shown.isAfter(this.today.minusWeeks(WEEKS))) {
				continue;
			}
			fit(random, partner, deal, (String) row.get("name"), ((Number) row.get("owner_id")).longValue(), shown,
					0.45 + 0.45 * partner.q);
			written++;
		}
		var direct = this.jdbc.sql("""
				SELECT o.id, o.name, o.owner_id, o.closed_at FROM opportunity o
				WHERE o.partner_id IS NULL AND o.closed_at >= :from AND o.closed_at < :now ORDER BY o.id LIMIT :limit
				""")
			.param("from", Timestamp.from(from))
			.param("now", Timestamp.from(this.now))
			.param("limit", Math.max(10, attached.size()))
			.query()
			.listOfRows();
		var active = partners.stream().filter(p -> "ACTIVE".equals(p.status)).toList();
		for (var row : direct) {
			long deal = ((Number) row.get("id")).longValue();
			var random = Randoms.of(seed, RANDOM_STREAM, -deal);
			var closed = ((Timestamp) row.get("closed_at")).toInstant().atZone(this.calendar.zone()).toLocalDate();
			var shown = closed.minusDays(5 + random.nextInt(16));
			if (active.isEmpty() || !shown.isAfter(this.today.minusWeeks(WEEKS))) {
				continue;
			}
			var partner = active.get(random.nextInt(active.size()));
			fit(random, partner, deal, (String) row.get("name"), ((Number) row.get("owner_id")).longValue(), shown,
					0.1 + 0.2 * partner.q);
			written++;
		}
		return written;
	}

	private void fit(SplittableRandom random, PartnerPlan partner, long deal, String dealName, long owner,
			LocalDate shown, double acceptance) {
		var state = state(random, acceptance);
		var row = row(random, state, owner, partner.id, "PARTNER_FIT", "deal:" + deal,
				"Bring " + partner.name + " into " + dealName,
				partner.name + " had won deals with customers like " + dealName
						+ "'s; ranked first by its similar won deals and trust.",
				"Attach the partner or ask for help", "/opportunities/" + deal + "#partner-fit", shown, 30,
				"DEAL_PARTNER", null, deal);
		queue(row);
	}

	private void add(SplittableRandom random, PartnerPlan partner, long user, String kind, String subject, String title,
			String reason, String label, String link, LocalDate shown, int days, String outcome, String intervention,
			Long deal) {
		var state = state(random, 0.15 + 0.6 * partner.q);
		queue(row(random, state, user, partner.id, kind, subject, title, reason, label, link, shown, days, outcome,
				intervention, deal));
	}

	/**
	 * Accepted with the chance given; else dismissed two times in five, or left alone.
	 */
	private static String state(SplittableRandom random, double acceptance) {
		double roll = random.nextDouble();
		return roll < acceptance ? "ACCEPTED" : (random.nextDouble() < 0.4) ? "DISMISSED" : "OPEN";
	}

	private Map<String, Object> row(SplittableRandom random, String state, long user, long partner, String kind,
			String subject, String title, String reason, String label, String link, LocalDate shown, int days,
			String outcome, String intervention, Long deal) {
		var row = new HashMap<String, Object>();
		Instant acted = null;
		var due = shown.plusDays(days);
		if (!"OPEN".equals(state)) {
			var day = shown.plusDays(random.nextInt(4));
			acted = this.calendar.startOf(day).plusSeconds(8 * 3600 + random.nextInt(9 * 3600));
			if (acted.isAfter(this.now)) {
				acted = this.now.minusSeconds(3600);
			}
			if ("ACCEPTED".equals(state)) {
				due = acted.atZone(this.calendar.zone()).toLocalDate().plusDays(days);
			}
		}
		row.put("user", user);
		row.put("partner", partner);
		row.put("kind", kind);
		row.put("subject", subject);
		row.put("title", title);
		row.put("reason", reason);
		row.put("label", label);
		row.put("link", link);
		row.put("state", state);
		row.put("dismiss", "DISMISSED".equals(state) ? Randoms.pick(random, DISMISSALS) : null);
		row.put("shown", Date.valueOf(shown));
		row.put("acted", acted == null ? null : Timestamp.from(acted));
		row.put("due", Date.valueOf(due));
		row.put("outcome", outcome);
		row.put("intervention", intervention);
		row.put("deal", deal);
		return row;
	}

	private void queue(Map<String, Object> row) {
		this.pending.add(row);
		if (this.pending.size() == ROWS_PER_STATEMENT) {
			flush();
		}
	}

	private void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		var sql = new StringBuilder("""
				INSERT INTO guidance_recommendation (user_id, partner_id, kind, subject, title, reason, action_label,
				    action_link, state, dismiss_reason, shown_on, last_seen_on, acted_at, outcome_due, outcome,
				    intervention, opportunity_id) VALUES
				""");
		var params = new HashMap<String, Object>();
		for (int i = 0; i < this.pending.size(); i++) {
			sql.append(i == 0 ? "" : ",\n")
				.append(("(:user%1$d, :partner%1$d, :kind%1$d, :subject%1$d, :title%1$d, :reason%1$d, :label%1$d,"
						+ " :link%1$d, :state%1$d, CAST(:dismiss%1$d AS TEXT), :shown%1$d, :shown%1$d,"
						+ " CAST(:acted%1$d AS TIMESTAMPTZ), :due%1$d, :outcome%1$d, CAST(:intervention%1$d AS TEXT),"
						+ " CAST(:deal%1$d AS BIGINT))")
					.formatted(i));
			for (var entry : this.pending.get(i).entrySet()) {
				params.put(entry.getKey() + i, entry.getValue());
			}
		}
		sql.append("\nON CONFLICT (user_id, kind, subject) DO NOTHING");
		this.jdbc.sql(sql.toString()).params(params).update();
		this.pending.clear();
	}

	/**
	 * The outcome each history row aimed at, looked up as the daily run looks for it:
	 * after acceptance (or the day shown) and by the end of the window's last day.
	 */
	private void lookUpOutcomes() {
		String since = "CASE WHEN r.state = 'ACCEPTED' THEN r.acted_at"
				+ " ELSE CAST(r.shown_on AS TIMESTAMP) AT TIME ZONE :zone END";
		String until = "CAST(r.outcome_due + 1 AS TIMESTAMP) AT TIME ZONE :zone";
		String cosell = "SELECT min(c.requested_at) FROM cosell_request c WHERE c.partner_id = r.partner_id"
				+ " AND c.requested_at >= " + since + " AND c.requested_at < " + until + " AND c.requested_at <= :now";
		update("COSELL", "(" + cosell + ")");
		update("REGISTRATION",
				"(SELECT min(g.submitted_at) FROM deal_registration g WHERE g.partner_id = r.partner_id"
						+ " AND g.submitted_at >= " + since + " AND g.submitted_at < " + until
						+ " AND g.submitted_at <= :now)");
		update("DEAL_PARTNER", "LEAST((" + cosell + " AND c.opportunity_id = r.opportunity_id),"
				+ " (SELECT a.attached_at FROM deal_partner_attachment a WHERE a.opportunity_id = r.opportunity_id"
				+ " AND a.partner_id = r.partner_id AND a.attached_at >= " + since + " AND a.attached_at < " + until
				+ " AND a.attached_at <= :now))");
	}

	private void update(String outcome, String first) {
		this.jdbc
			.sql("UPDATE guidance_recommendation r SET outcome_at = " + first
					+ " WHERE r.outcome = :outcome AND r.outcome_at IS NULL AND r.shown_on < :today")
			.param("outcome", outcome)
			.param("zone", this.calendar.zone().getId())
			.param("now", Timestamp.from(this.now))
			.param("today", Date.valueOf(this.today))
			.update();
	}

	private static String words(String intervention) {
		return switch (intervention) {
			case "TRAINING" -> "training";
			case "INCENTIVE" -> "an incentive";
			default -> "an introduction to account executives";
		};
	}

}
