package com.trellis.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;

import com.trellis.matching.CompanyIdentity;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * Writes partner leads: about two in three name a customer that is already an account
 * (routed at once to its owner), the rest a new company the PAM routes to a rep a little
 * later (the most recent ones still wait, none older than a few days). Reps accept about
 * two in three, decline the rest with a reason, and mostly follow up within a couple of
 * days; about one in five follow-ups is late. Each lead is drawn from its own random
 * stream.
 */
final class LeadWriter {

	static final List<String> COLUMNS = List.of("id", "partner_id", "submitted_by", "company_name", "company_domain",
			"registrable_domain", "contact_name", "contact_email", "note", "status", "routing_reason", "account_id",
			"rep_id", "submitted_at", "routed_at", "follow_up_due_at", "decided_at", "decline_reason", "opportunity_id",
			"first_follow_up_at", "follow_up_note");

	/** The default follow-up window of the leads module: two business days. */
	static final int FOLLOW_UP_BUSINESS_DAYS = 2;

	/** The oldest a lead still waiting to be routed is at the demo's today. */
	static final int WAITING_DAYS = 4;

	private static final String[] NOTES = { "Evaluating vendors this quarter", "Met at our customer day",
			"Asked for a demo of the platform", "Budget approved for next year", "Unhappy with their current tool",
			"Expanding into a new region" };

	private static final String[] DECLINE_REASONS = { "Already in an active cycle with us", "Below our size threshold",
			"No budget this year", "Not a fit for the product", "Duplicate of an existing opportunity" };

	private static final String[] FOLLOW_UP_NOTES = { "Intro call booked", "Sent an e-mail introduction",
			"Discovery call held", "Left a voicemail, e-mail sent" };

	private final long seed;

	private final long now;

	private final long windowStart;

	private final List<PartnerPlan> partners;

	private final int[] onboarded;

	private final AccountBook accounts;

	private final long[] repIds;

	private final ZoneId zone;

	LeadWriter(long seed, long now, long windowStart, ZoneId zone, List<PartnerPlan> partners, AccountBook accounts,
			long[] repIds) {
		this.zone = zone;
		this.seed = seed;
		this.now = now;
		this.windowStart = windowStart;
		this.partners = partners;
		this.onboarded = partners.stream()
			.filter(p -> p.onboardedOn != null && p.onboardedOn.toEpochDay() * DAY < now - 7 * DAY)
			.mapToInt(p -> (int) p.id - 1)
			.toArray();
		this.accounts = accounts;
		this.repIds = repIds;
	}

	void write(RowSink sink, int count) {
		if (this.onboarded.length == 0) {
			return;
		}
		try (var table = sink.table("partner_lead", COLUMNS)) {
			for (long id = 1; id <= count; id++) {
				table.row(row(id));
			}
		}
	}

	private Object[] row(long id) {
		var random = Randoms.of(this.seed, Randoms.LEADS, id);
		var partner = pickPartner(random, id);
		long earliest = Math.max(this.windowStart, partner.onboardedOn.toEpochDay() * DAY);
		long submitted = earliest + (long) ((this.now - DAY - earliest) * Math.pow(random.nextDouble(), 0.7));
		// the demo partners' last two leads of the first six name new companies still
		// waiting
		// for the PAM to route them, so every demo has leads to route
		boolean waiting = id == 5 || id == 6;
		boolean existing = random.nextDouble() < 0.65 && !waiting;
		String company;
		String domain;
		Long accountId = null;
		Long rep;
		String reason;
		Long routed;
		if (existing) {
			int account = this.accounts.dealAccount((int) (this.accounts.size() * random.nextDouble()));
			company = this.accounts.names[account];
			domain = null;
			accountId = account + 1L;
			rep = this.accounts.owners[account];
			routed = submitted;
			reason = "Routed to the owner of account " + company
					+ ", which matches by the same company name as account " + company;
		}
		else {
			int industry = random.nextInt(Words.VERTICALS.length);
			company = Randoms.pick(random, Words.PARTNER_HEADS) + " "
					+ Randoms.pick(random, Words.INDUSTRY_NOUNS[industry]) + " "
					+ Randoms.pick(random, new String[] { "Group", "Holdings", "Labs", "Works" });
			domain = Words.slug(company.split(" ")[0]) + Words.slug(company.split(" ")[1]) + "-" + id
					+ Randoms.pick(random, Words.TLDS);
			long pickedAt = submitted + Randoms.between(random, 2 * 3600, 3 * DAY);
			if (waiting || pickedAt > this.now || random.nextDouble() < 0.04) {
				// a lead still waiting for its rep came in within the last days: a PAM
				// routes within days, so none waits from long before the demo's today
				if (submitted < this.now - WAITING_DAYS * DAY) {
					submitted = this.now - Randoms.between(random, 2 * 3600, WAITING_DAYS * DAY);
				}
				rep = null;
				routed = null;
				reason = "No account matches the company; the partner manager picks a rep";
			}
			else {
				rep = this.repIds[random.nextInt(this.repIds.length)];
				routed = pickedAt;
				reason = "Routed to a rep by the partner manager";
			}
		}
		String first = Randoms.pick(random, Words.FIRST_NAMES);
		String last = Randoms.pick(random, Words.LAST_NAMES);
		String email = (domain == null) ? null : Words.slug(first) + "." + Words.slug(last) + "@" + domain;
		String status = (rep == null) ? "SUBMITTED" : "ROUTED";
		Long due = null;
		Long decided = null;
		String declineReason = null;
		Long followUp = null;
		String followUpNote = null;
		if (rep != null) {
			due = businessDaysLater(routed, FOLLOW_UP_BUSINESS_DAYS, this.zone);
			// about one in five first follow-ups comes after two business days
			double speed = random.nextDouble();
			long delay = (speed < 0.78) ? Randoms.between(random, 1800, DAY + DAY / 2)
					: Randoms.between(random, 3 * DAY, 9 * DAY);
			boolean followsUp = random.nextDouble() < 0.9;
			long decision = routed + Randoms.between(random, 3600, 8 * DAY);
			if (decision <= this.now) {
				decided = decision;
				if (random.nextDouble() < 0.66) {
					status = "ACCEPTED";
				}
				else {
					status = "DECLINED";
					declineReason = Randoms.pick(random, DECLINE_REASONS);
				}
			}
			if (followsUp && routed + delay <= this.now && (!"DECLINED".equals(status) || routed + delay < decided)) {
				followUp = routed + delay;
				followUpNote = Randoms.pick(random, FOLLOW_UP_NOTES);
			}
		}
		return new Object[] { id, partner.id, partner.firstUserId, company, domain,
				CompanyIdentity.identityDomain(domain), first + " " + last, email, Randoms.pick(random, NOTES), status,
				reason, accountId, rep, at(submitted), at(routed), at(due), at(decided), declineReason, null,
				at(followUp), followUpNote };
	}

	private PartnerPlan pickPartner(SplittableRandom random, long id) {
		if (id <= 6) {
			var demoPartner = this.partners.get((int) ((id - 1) % 2));
			if (demoPartner.onboardedOn != null) {
				return demoPartner;
			}
		}
		PartnerPlan partner = null;
		for (int attempt = 0; attempt < 6; attempt++) {
			partner = this.partners.get(this.onboarded[random.nextInt(this.onboarded.length)]);
			if (random.nextDouble() < 0.25 + 0.75 * partner.q) {
				break;
			}
		}
		return partner;
	}

	/**
	 * Mirrors the leads module's business-day deadline: Monday to Friday in the business
	 * zone (the demo does not know the program's holidays).
	 */
	static long businessDaysLater(long start, int days, ZoneId zone) {
		var time = Instant.ofEpochSecond(start).atZone(zone);
		while (weekend(time.getDayOfWeek())) {
			time = time.plusDays(1).toLocalDate().atStartOfDay(zone);
		}
		int added = 0;
		while (added < days) {
			time = time.plusDays(1);
			if (!weekend(time.getDayOfWeek())) {
				added++;
			}
		}
		return time.toEpochSecond();
	}

	private static boolean weekend(DayOfWeek day) {
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

	private static Instant at(Long epochSecond) {
		return (epochSecond == null) ? null : Instant.ofEpochSecond(epochSecond);
	}

}
