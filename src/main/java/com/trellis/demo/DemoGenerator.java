package com.trellis.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * Generates the whole demo ecosystem, deterministically from the seed, the sizes and the
 * day it runs on, and writes it table by table in foreign-key order. Holds partners and
 * accounts in memory; deals and events are streamed.
 */
final class DemoGenerator {

	static final List<String> USER_COLUMNS = List.of("id", "email", "display_name", "password_hash", "role",
			"manager_id", "team", "partner_id", "job_role", "created_at");

	private static final String[] JOB_ROLES = { "AE", "SE", "CSM" };

	private final long seed;

	private final DemoSize size;

	private final long now;

	private final long windowStart;

	private final String passwordHash;

	private final ZoneId zone;

	private List<PartnerPlan> partners = List.of();

	/**
	 * A generator anchored at the start of {@code now}'s business day; every date it
	 * writes (close dates, onboarding days) is the day of its moment in {@code zone}, the
	 * business time zone.
	 */
	DemoGenerator(long seed, DemoSize size, Instant now, ZoneId zone, String passwordHash) {
		this.seed = seed;
		this.size = size;
		this.zone = zone;
		this.now = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toEpochSecond();
		this.windowStart = this.now - 540 * DAY;
		this.passwordHash = passwordHash;
	}

	void writeTo(RowSink sink) {
		var staff = writeStaff(sink);
		var partners = new PartnerPlanner(this.seed, this.now, this.windowStart, this.zone).plan(this.size.partners(),
				staff.pamIds());
		this.partners = partners;
		writePartners(sink, partners);
		writePartnerUsers(sink, partners, staff.nextId());
		writeLifecycle(sink, partners);
		var accounts = AccountBook.write(sink, this.seed, this.now, this.size.accounts(), staff.repIds());
		var deals = new DealWriter(this.seed, this.now, this.windowStart, this.zone, partners, accounts,
				staff.repIds());
		var registrations = deals.write(sink, this.size.opportunities());
		new CoSellWriter(this.seed, this.now, this.windowStart, partners, deals, this.size.opportunities()).write(sink);
		new EventWriter(this.seed, this.now, this.windowStart, partners).write(sink, this.size.events(), registrations);
		new ReadinessWriter(this.now, partners).write(sink);
		new LeadWriter(this.seed, this.now, this.windowStart, this.zone, partners, accounts, staff.repIds()).write(sink,
				this.size.leads());
	}

	/**
	 * The partners written, with their hidden quality, for the writers that follow the
	 * bulk load.
	 */
	List<PartnerPlan> partners() {
		return this.partners;
	}

	private Staff writeStaff(RowSink sink) {
		int pams = this.size.pams();
		int teams = this.size.teams();
		int reps = this.size.reps();
		long[] pamIds = new long[pams];
		long[] managerIds = new long[teams];
		long[] repIds = new long[reps];
		Instant created = Instant.ofEpochSecond(this.now);
		try (var users = sink.table("app_user", USER_COLUMNS)) {
			users.row(1L, "admin@trellis.demo", "Ada Admin", this.passwordHash, "ADMIN", null, null, null, null,
					created);
			users.row(2L, "exec@trellis.demo", "Evan Executive", this.passwordHash, "EXECUTIVE", null, null, null, null,
					created);
			long id = 3;
			for (int i = 0; i < pams; i++, id++) {
				pamIds[i] = id;
				String name = (i == 0) ? "Priya Patel" : personName(id);
				users.row(id, numbered("pam", i), name, this.passwordHash, "PAM", 1L, null, null, null, created);
			}
			for (int i = 0; i < teams; i++, id++) {
				managerIds[i] = id;
				String name = (i == 0) ? "Sam Manager" : personName(id);
				users.row(id, numbered("manager", i), name, this.passwordHash, "SALES_MANAGER", 2L, team(i), null, null,
						created);
			}
			for (int i = 0; i < reps; i++, id++) {
				repIds[i] = id;
				String name = (i == 0) ? "Alex Rivera" : personName(id);
				users.row(id, numbered("ae", i), name, this.passwordHash, "AE", managerIds[i % teams], team(i % teams),
						null, null, created);
			}
			return new Staff(pamIds, repIds, id);
		}
	}

	private void writePartners(RowSink sink, List<PartnerPlan> partners) {
		try (var table = sink.table("partner", List.of("id", "name", "type", "web_domain", "verticals", "capabilities",
				"region", "onboarded_on", "owner_pam_id", "lifecycle_status", "tier", "created_at", "updated_at"))) {
			for (var p : partners) {
				table.row(p.id, p.name, p.type, p.domain, p.verticals, p.capabilities, p.region, p.onboardedOn,
						p.ownerPamId, p.status, p.tier, Instant.ofEpochSecond(p.createdAt),
						Instant.ofEpochSecond(p.updatedAt));
			}
		}
	}

	private void writePartnerUsers(RowSink sink, List<PartnerPlan> partners, long firstId) {
		Instant created = Instant.ofEpochSecond(this.now);
		long id = firstId;
		try (var users = sink.table("app_user", USER_COLUMNS)) {
			for (var p : partners) {
				var random = Randoms.of(this.seed, Randoms.PARTNER_USERS, p.id);
				p.firstUserId = id;
				p.userCount = (int) Randoms.clamp(1 + Math.floor(random.nextDouble() * (1 + 3.5 * p.q)), 1, 4);
				var locals = new java.util.ArrayList<String>();
				for (int i = 0; i < p.userCount; i++, id++) {
					String first = Randoms.pick(random, Words.FIRST_NAMES);
					String last = Randoms.pick(random, Words.LAST_NAMES);
					String name = first + " " + last;
					String local = Words.slug(first) + "." + Words.slug(last);
					String email = local + "@" + p.emailDomain;
					if (p.id <= 2 && i == 0) {
						name = (p.id == 1) ? "Nora North" : "Ben Peak";
						local = "partner";
						email = (p.id == 1) ? "partner@northwind.demo" : "partner@bluepeak.demo";
					}
					else if (locals.contains(local)) {
						email = local + (i + 1) + "@" + p.emailDomain;
					}
					locals.add(local);
					String jobRole = (i == 0) ? "AE" : JOB_ROLES[random.nextInt(JOB_ROLES.length)];
					users.row(id, email, name, this.passwordHash, "PARTNER", null, null, p.id, jobRole, created);
				}
			}
		}
	}

	private void writeLifecycle(RowSink sink, List<PartnerPlan> partners) {
		long id = 1;
		try (var table = sink.table("partner_lifecycle_change",
				List.of("id", "partner_id", "from_status", "to_status", "changed_by", "changed_at", "reason"))) {
			for (var p : partners) {
				for (var change : p.history) {
					table.row(id++, p.id, change.from(), change.to(), p.ownerPamId, Instant.ofEpochSecond(change.at()),
							change.reason());
				}
			}
		}
	}

	private String personName(long userId) {
		var random = Randoms.of(this.seed, Randoms.USERS, userId);
		return Randoms.pick(random, Words.FIRST_NAMES) + " " + Randoms.pick(random, Words.LAST_NAMES);
	}

	private static String numbered(String prefix, int index) {
		return prefix + ((index == 0) ? "" : String.valueOf(index + 1)) + "@trellis.demo";
	}

	private static String team(int index) {
		String region = Words.TEAM_REGIONS[index % Words.TEAM_REGIONS.length];
		int round = index / Words.TEAM_REGIONS.length;
		return "Team " + (index + 1) + " · " + region + ((round == 0) ? "" : " " + (round + 1));
	}

	private record Staff(long[] pamIds, long[] repIds, long nextId) {
	}

}
