package com.trellis.demo;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * Writes the partner activity stream, partner by partner and in time order. How much a
 * partner does follows its hidden quality at the time; new partners mostly train and
 * read, dormant ones fall silent, and each partner-sourced deal shows up as a
 * registration.
 */
final class EventWriter {

	private static final String[] TYPES = { "PORTAL_LOGIN", "TRAINING_STARTED", "TRAINING_COMPLETED",
			"CERTIFICATION_EARNED", "PLAY_USED", "CONTENT_VIEWED", "AE_INTERACTION", "CO_SELL_MEETING",
			"MARKETPLACE_TRANSACTION" };

	private static final long ONBOARDING_PHASE = 60 * DAY;

	private static final int INTEGRAL_STEPS = 240;

	private static final double ONBOARDING_BOOST = 2;

	private final long seed;

	private final long now;

	private final long windowStart;

	private final List<PartnerPlan> partners;

	private long nextId = 1;

	EventWriter(long seed, long now, long windowStart, List<PartnerPlan> partners) {
		this.seed = seed;
		this.now = now;
		this.windowStart = windowStart;
		this.partners = partners;
	}

	void write(RowSink sink, long total, Registrations registrations) {
		int[] start = registrations.byPartner(this.partners.size(), (int) Math.min(total, registrations.size()));
		long[] counts = allocate(total - registrations.size());
		try (var table = sink.table("activity_event",
				List.of("id", "partner_id", "user_id", "type", "occurred_at", "detail"))) {
			for (int i = 0; i < this.partners.size(); i++) {
				writePartner(table, this.partners.get(i), (int) counts[i], registrations, start[i], start[i + 1]);
			}
		}
	}

	/**
	 * Shares the events out over the partners by how busy each is over its active time
	 * (the integral of its {@link #intensity}), times a fixed, noisy propensity. The
	 * events are then spread in time by the same intensity, so how many a partner has by
	 * a day follows its quality up to that day only: a partner that ramps up later does
	 * not get more events before it.
	 */
	private long[] allocate(long total) {
		double[] weights = new double[this.partners.size()];
		double sum = 0;
		for (int i = 0; i < weights.length; i++) {
			var partner = this.partners.get(i);
			long from = Math.max(partner.activeFrom, this.windowStart);
			if (partner.activeFrom < 0 || partner.activeTo <= from) {
				continue;
			}
			double busy = 0;
			for (int step = 0; step < INTEGRAL_STEPS; step++) {
				long at = from + (long) ((partner.activeTo - from) * (step + 0.5) / INTEGRAL_STEPS);
				busy += partner.activeAt(at) ? intensity(partner, at) : 0;
			}
			double days = (partner.activeTo - from) / (double) DAY;
			var random = Randoms.of(this.seed, Randoms.EVENT_RATES, partner.id);
			weights[i] = days * busy / INTEGRAL_STEPS * Math.exp(0.3 * Randoms.gaussian(random));
			sum += weights[i];
		}
		long[] counts = new long[weights.length];
		if (sum <= 0 || total <= 0) {
			return counts;
		}
		long given = 0;
		for (int i = 0; i < weights.length; i++) {
			counts[i] = (long) Math.floor(total * weights[i] / sum);
			given += counts[i];
		}
		for (int i = 0; i < weights.length && given < total; i++) {
			if (weights[i] > 0) {
				counts[i]++;
				given++;
			}
		}
		return counts;
	}

	private void writePartner(RowSink.Table table, PartnerPlan partner, int count, Registrations registrations,
			int from, int to) {
		var random = Randoms.of(this.seed, Randoms.EVENTS, partner.id);
		long[] times = times(random, partner, count);
		long[] registered = new long[to - from];
		for (int i = from; i < to; i++) {
			registered[i - from] = (registrations.time(i) << 22) | (i - from);
		}
		Arrays.sort(registered);
		double[] weights = new double[TYPES.length];
		int r = 0;
		for (int e = 0; e < times.length || r < registered.length;) {
			if (r < registered.length && (e == times.length || (registered[r] >>> 22) <= times[e])) {
				int index = from + (int) (registered[r] & ((1 << 22) - 1));
				long user = partner.firstUserId + random.nextInt(partner.userCount);
				table.row(this.nextId++, partner.id, user, "DEAL_REGISTERED",
						Instant.ofEpochSecond(registrations.time(index)),
						"Registered opportunity #" + registrations.opportunity(index));
				r++;
			}
			else {
				long at = times[e++];
				weights(partner, partner.qBehaviour(at), at - partner.activeFrom < ONBOARDING_PHASE, weights);
				String type = TYPES[Randoms.weighted(random, weights)];
				Long user = (random.nextDouble() < 0.88) ? partner.firstUserId + random.nextInt(partner.userCount)
						: null;
				table.row(this.nextId++, partner.id, user, type, Instant.ofEpochSecond(at), detail(random, type));
			}
		}
	}

	/**
	 * Event times by rejection sampling: as busy at each moment as {@link #intensity}
	 * says.
	 */
	private long[] times(SplittableRandom random, PartnerPlan partner, int count) {
		long[] times = new long[count];
		long from = Math.max(partner.activeFrom, this.windowStart);
		double highest = Math.pow(0.1 + partner.qHighest(), 2) * ONBOARDING_BOOST;
		for (int i = 0, attempts = 0; i < count; attempts++) {
			long at = Randoms.between(random, from, partner.activeTo);
			if (!partner.activeAt(at)) {
				continue;
			}
			if (attempts > 50L * count || random.nextDouble() * highest < intensity(partner, at)) {
				times[i++] = at;
			}
		}
		Arrays.sort(times);
		return times;
	}

	/**
	 * How busy a partner is at a moment: rises with its quality at that moment (not
	 * later), higher just after onboarding.
	 */
	private static double intensity(PartnerPlan partner, long at) {
		double base = Math.pow(0.1 + partner.qBehaviour(at), 2);
		return (at - partner.activeFrom < ONBOARDING_PHASE) ? base * ONBOARDING_BOOST : base;
	}

	/**
	 * The mix of event types at the partner's quality of the moment (not of today, which
	 * would tell a past day about the partner's future), into {@code into}.
	 */
	private static void weights(PartnerPlan partner, double q, boolean onboarding, double[] into) {
		boolean marketplace = "ISV".equals(partner.type) || "RESELLER".equals(partner.type);
		double[] weights = onboarding ? new double[] { 30, 20, 8 + 12 * q, 2 + 4 * q, 2, 25, 5, 1, 0 }
				: new double[] { 30, 4, 2 + 4 * q, 0.5 + 1.5 * q, 3 + 10 * q, 22, 8, 2 + 6 * q, marketplace ? 3 : 0 };
		System.arraycopy(weights, 0, into, 0, weights.length);
	}

	private static String detail(SplittableRandom random, String type) {
		return switch (type) {
			case "PORTAL_LOGIN" ->
				Randoms.pick(random, new String[] { "Signed in", "Signed in (SSO)", "Signed in from mobile" });
			case "TRAINING_STARTED" -> "Started course: " + Randoms.pick(random, Words.COURSES);
			case "TRAINING_COMPLETED" -> "Completed course: " + Randoms.pick(random, Words.COURSES);
			case "CERTIFICATION_EARNED" -> "Earned " + Randoms.pick(random, Words.CERTIFICATIONS);
			case "PLAY_USED" -> "Used play: " + Randoms.pick(random, Words.PLAYS);
			case "CONTENT_VIEWED" -> "Viewed: " + Randoms.pick(random, Words.CONTENT);
			case "AE_INTERACTION" -> Randoms.pick(random,
					new String[] { "Call with vendor AE", "Email thread with vendor AE", "Account mapping session" });
			case "CO_SELL_MEETING" -> Randoms.pick(random, new String[] { "Joint customer meeting",
					"Joint discovery call", "Executive briefing with customer" });
			default -> "Marketplace order, " + (500 + random.nextInt(200) * 250) + " USD";
		};
	}

}
