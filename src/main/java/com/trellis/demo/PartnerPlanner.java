package com.trellis.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * Plans every partner: name, profile, hidden quality, lifecycle history and tier.
 */
final class PartnerPlanner {

	private static final String[] TYPES = { "SI", "RESELLER", "ISV", "REFERRAL", "ADVISORY" };

	private static final double[] TYPE_WEIGHTS = { 35, 20, 20, 15, 10 };

	static final double CHANGING_SHARE = 0.4;

	private final long seed;

	private final long now;

	private final long windowStart;

	private final Set<String> names = new HashSet<>();

	private final Set<String> domains = new HashSet<>();

	private final ZoneId zone;

	PartnerPlanner(long seed, long now, long windowStart, ZoneId zone) {
		this.zone = zone;
		this.seed = seed;
		this.now = now;
		this.windowStart = windowStart;
	}

	List<PartnerPlan> plan(int count, long[] pamIds) {
		this.names.addAll(List.of("Northwind Systems", "Bluepeak Consulting"));
		this.domains.addAll(List.of("northwind-systems.com", "bluepeak.io"));
		var plans = new ArrayList<PartnerPlan>(count);
		for (int i = 1; i <= count; i++) {
			plans.add(planOne(i, pamIds));
		}
		assignTiers(plans);
		return plans;
	}

	private PartnerPlan planOne(long id, long[] pamIds) {
		var random = Randoms.of(this.seed, Randoms.PARTNERS, id);
		var partner = new PartnerPlan(id, this.windowStart, this.now);
		partner.type = TYPES[Randoms.weighted(random, TYPE_WEIGHTS)];
		partner.q = (random.nextDouble() + random.nextDouble()) / 2;
		partner.region = Words.REGIONS[Randoms.weighted(random, Words.REGION_WEIGHTS)];
		partner.verticals = distinct(random, Words.VERTICALS, 1 + random.nextInt(3));
		partner.capabilities = distinct(random, Words.CAPABILITIES, 1 + random.nextInt(3));
		partner.ownerPamId = pamIds[(int) ((id - 1) % pamIds.length)];
		if (id == 1) {
			partner.name = "Northwind Systems";
			partner.type = "SI";
			partner.domain = "northwind-systems.com";
			partner.region = "North America";
			partner.q = 0.82;
		}
		else if (id == 2) {
			partner.name = "Bluepeak Consulting";
			partner.type = "ADVISORY";
			partner.domain = "bluepeak.io";
			partner.region = "EMEA";
			partner.q = 0.66;
			partner.ownerPamId = pamIds[0];
		}
		else {
			partner.name = uniqueName(random, partner.type, partner.region);
			partner.domain = (random.nextDouble() < 0.05) ? null : uniqueDomain(random, partner.name);
		}
		partner.emailDomain = (partner.domain != null) ? partner.domain : "partner" + id + ".demo";
		lifecycle(random, partner);
		partner.qStart = Randoms.clamp(partner.q + 0.15 * Randoms.gaussian(random), 0, 1);
		trajectory(random, partner);
		return partner;
	}

	/**
	 * Gives {@value #CHANGING_SHARE} of the partners (not the two well-known ones) a real
	 * change of quality: a ramp up (a new practice, a new partner lead) or a decline (key
	 * people gone) by {@code 0.25}–{@code 0.5}, which takes {@code 45}–{@code 120} days
	 * and starts at a random moment of the history. The others drift a little over the
	 * whole history.
	 */
	private void trajectory(SplittableRandom random, PartnerPlan partner) {
		boolean changes = random.nextDouble() < CHANGING_SHARE;
		boolean up = random.nextDouble() < 0.5;
		double step = 0.25 + 0.25 * random.nextDouble();
		long from = Randoms.between(random, this.windowStart + 30 * DAY, this.now - 45 * DAY);
		long length = days(random, 45, 120);
		if (!changes || partner.id <= 2) {
			return;
		}
		partner.qStart = Randoms.clamp(up ? partner.q - step : partner.q + step, 0.02, 1);
		partner.changeFrom = from;
		partner.changeTo = from + length;
	}

	private void lifecycle(SplittableRandom random, PartnerPlan partner) {
		double roll = (partner.id <= 2) ? 0.99 : random.nextDouble();
		String status = (roll < 0.05) ? "PROSPECT"
				: (roll < 0.13) ? "ONBOARDING" : (roll < 0.28) ? "DORMANT" : (roll < 0.31) ? "SUNSET" : "ACTIVE";
		if ("DORMANT".equals(status) || "SUNSET".equals(status)) {
			partner.q *= 0.75;
		}
		long onboarded = switch (status) {
			case "PROSPECT" -> -1;
			case "ONBOARDING" -> daysAgo(random, 3, 88);
			case "DORMANT" -> daysAgo(random, 260, 730);
			case "SUNSET" -> (random.nextDouble() < 0.3) ? -1 : daysAgo(random, 480, 730);
			default -> (partner.id == 1) ? this.now - 420 * DAY
					: (partner.id == 2) ? this.now - 330 * DAY : daysAgo(random, 95, 730);
		};
		long prospect = (onboarded >= 0) ? onboarded - days(random, 14, 90)
				: "SUNSET".equals(status) ? daysAgo(random, 150, 600) : daysAgo(random, 5, 600);
		partner.createdAt = prospect;
		partner.change(null, "PROSPECT", prospect, pick(random, "Partner added", "Inbound partner application",
				"Met at the partner summit", "Referred by a customer"));
		if (onboarded < 0) {
			if ("SUNSET".equals(status)) {
				partner.change("PROSPECT", "SUNSET", prospect + days(random, 20, 120),
						pick(random, "Did not sign the partner agreement", "No fit with our segments"));
			}
			partner.updatedAt = partner.history.get(partner.history.size() - 1).at();
			return;
		}
		partner.onboardedOn = LocalDate.ofInstant(java.time.Instant.ofEpochSecond(onboarded), this.zone);
		onboarded = partner.onboardedOn.atStartOfDay(this.zone).toEpochSecond() + 9 * 3600;
		partner.activeFrom = onboarded;
		partner.activeTo = this.now;
		partner.change("PROSPECT", "ONBOARDING", onboarded,
				pick(random, "Partner agreement signed", "Onboarding plan agreed", "Contract countersigned"));
		if ("ONBOARDING".equals(status)) {
			partner.updatedAt = onboarded;
			return;
		}
		long activated = onboarded + days(random, 30, 85);
		partner.change("ONBOARDING", "ACTIVE", activated, pick(random, "Onboarding complete",
				"First joint deal registered", "Enablement finished, first certification earned"));
		if ("ACTIVE".equals(status) && partner.id > 2 && random.nextDouble() < 0.2
				&& activated + 200 * DAY < this.now - 90 * DAY) {
			long dormant = Randoms.between(random, activated + 120 * DAY, this.now - 90 * DAY);
			long reactivated = dormant + days(random, 30, 80);
			partner.gapFrom = dormant - days(random, 45, 90);
			partner.gapTo = reactivated - days(random, 0, 7);
			partner.change("ACTIVE", "DORMANT", dormant, dormancyReason(random));
			partner.change("DORMANT", "ACTIVE", reactivated,
					pick(random, "Re-engaged after a quarterly business review", "New partner lead appointed",
							"Joint pipeline review restarted activity"));
		}
		if ("DORMANT".equals(status) || "SUNSET".equals(status)) {
			long lastActivity = "DORMANT".equals(status) ? daysAgo(random, 60, 120)
					: Math.max(activated + 60 * DAY, daysAgo(random, 150, 400));
			partner.activeTo = lastActivity;
			long dormant = Math.min(this.now - DAY, lastActivity + days(random, 20, 55));
			partner.change("ACTIVE", "DORMANT", dormant, dormancyReason(random));
			if ("SUNSET".equals(status)) {
				partner.change("DORMANT", "SUNSET", Math.min(this.now - DAY, dormant + days(random, 30, 120)), pick(
						random, "Partner exited the program", "Agreement not renewed", "Acquired by another firm"));
			}
		}
		partner.updatedAt = partner.history.get(partner.history.size() - 1).at();
	}

	private void assignTiers(List<PartnerPlan> plans) {
		double[] score = new double[plans.size()];
		for (int i = 0; i < score.length; i++) {
			var partner = plans.get(i);
			score[i] = partner.q + 0.12 * Randoms.gaussian(Randoms.of(this.seed, Randoms.TIERS, partner.id));
		}
		Integer[] order = new Integer[score.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> i));
		for (int rank = 0; rank < order.length; rank++) {
			double percentile = (double) rank / order.length;
			plans.get(order[rank]).tier = (percentile < 0.10) ? "TIER_1_INVEST"
					: (percentile < 0.40) ? "TIER_2_EMERGING" : "TIER_3_BASELINE";
		}
		plans.get(0).tier = "TIER_1_INVEST";
		plans.get(1).tier = "TIER_2_EMERGING";
	}

	private String uniqueName(SplittableRandom random, String type, String region) {
		String[] suffixes = Words.PARTNER_SUFFIXES[Arrays.asList(TYPES).indexOf(type)];
		for (int attempt = 0; attempt < 6; attempt++) {
			String head = Randoms.pick(random, Words.PARTNER_HEADS);
			String core = (random.nextDouble() < 0.6) ? head + Randoms.pick(random, Words.PARTNER_TAILS)
					: head + " " + capitalize(Randoms.pick(random, Words.PARTNER_TAILS));
			String name = core + " " + Randoms.pick(random, suffixes);
			if (attempt >= 3) {
				name = name + " " + region;
			}
			if (this.names.add(name)) {
				return name;
			}
		}
		String base = Randoms.pick(random, Words.PARTNER_HEADS) + Randoms.pick(random, Words.PARTNER_TAILS) + " "
				+ Randoms.pick(random, suffixes);
		for (int n = 2;; n++) {
			if (this.names.add(base + " " + n)) {
				return base + " " + n;
			}
		}
	}

	private String uniqueDomain(SplittableRandom random, String name) {
		String[] words = name.split(" ");
		String slug = Words.slug(words[0]);
		String second = words.length > 1 ? Words.slug(words[1]) : "";
		// a second word with no letters ("&") adds no label part: "redwoodview-.de" is no
		// domain
		String base = (random.nextDouble() < 0.5 && !second.isEmpty()) ? slug + "-" + second : slug;
		String tld = Randoms.pick(random, Words.TLDS);
		for (int n = 1;; n++) {
			String domain = base + ((n == 1) ? "" : String.valueOf(n)) + tld;
			if (this.domains.add(domain)) {
				return domain;
			}
		}
	}

	private long daysAgo(SplittableRandom random, int min, int max) {
		return this.now - days(random, min, max) - 3600 * (8 + random.nextInt(9));
	}

	private static long days(SplittableRandom random, int min, int max) {
		return Randoms.between(random, min * DAY, max * DAY);
	}

	private static String dormancyReason(SplittableRandom random) {
		return pick(random, "No activity for 60+ days", "Partner lead left; no engagement",
				"Dormancy review: no pipeline this quarter");
	}

	private static String pick(SplittableRandom random, String... values) {
		return Randoms.pick(random, values);
	}

	private static String capitalize(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	static List<String> distinct(SplittableRandom random, String[] values, int count) {
		var chosen = new ArrayList<String>(count);
		while (chosen.size() < count) {
			String value = Randoms.pick(random, values);
			if (!chosen.contains(value)) {
				chosen.add(value);
			}
		}
		return chosen;
	}

}
