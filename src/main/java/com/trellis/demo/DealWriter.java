package com.trellis.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * Writes the opportunities and then their stage histories. Each deal is planned from its
 * own random stream, so the second pass regenerates it instead of holding millions of
 * deals in memory. Partner deals go to partners in proportion to their quality, and win
 * rate and size follow the partner's quality of some months before.
 */
final class DealWriter {

	static final String[] OPEN_STAGES = { "REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT" };

	/**
	 * Of every ten open deals in the commit stage, this many are called commit by their
	 * owner when they enter it; the others are left to their probability.
	 */
	static final int COMMIT_CALLS_IN_TEN = 7;

	/**
	 * Draws of a partner for a partner deal: by the highest quality it ever has, kept in
	 * proportion to its quality as outcomes show it at the deal's moment.
	 */
	private static final int PICK_ATTEMPTS = 10;

	private static final double[] LOSS_STAGE_WEIGHTS = { 35, 30, 20, 15 };

	private final long seed;

	private final long now;

	private final long windowStart;

	private final List<PartnerPlan> partners;

	private final AccountBook accounts;

	private final long[] repIds;

	private final int[] dealPartners;

	private final double[] cumulativeWeight;

	private final ZoneId zone;

	DealWriter(long seed, long now, long windowStart, ZoneId zone, List<PartnerPlan> partners, AccountBook accounts,
			long[] repIds) {
		this.zone = zone;
		this.seed = seed;
		this.now = now;
		this.windowStart = windowStart;
		this.partners = partners;
		this.accounts = accounts;
		this.repIds = repIds;
		this.dealPartners = partners.stream().filter(p -> p.activeFrom >= 0).mapToInt(p -> (int) p.id - 1).toArray();
		this.cumulativeWeight = new double[this.dealPartners.length];
		double total = 0;
		for (int i = 0; i < this.dealPartners.length; i++) {
			var partner = partners.get(this.dealPartners[i]);
			double typeFactor = switch (partner.type) {
				case "REFERRAL" -> 0.6;
				case "ADVISORY" -> 0.7;
				default -> 1.0;
			};
			total += Math.pow(0.15 + partner.qHighest(), 2) * typeFactor * ((partner.id <= 2) ? 4 : 1);
			this.cumulativeWeight[i] = total;
		}
	}

	/**
	 * Writes both tables; returns the partner-sourced registrations for the event stream.
	 */
	Registrations write(RowSink sink, int count) {
		var registrations = new Registrations();
		var commits = new ArrayList<long[]>();
		try (var table = sink.table("opportunity",
				List.of("id", "account_id", "name", "amount", "currency", "stage", "close_date", "owner_id", "source",
						"partner_id", "credit_type", "partner_share", "stage_entered_at", "created_at", "closed_at",
						"updated_at"))) {
			for (long id = 1; id <= count; id++) {
				var deal = plan(id);
				Instant entered = Instant.ofEpochSecond(deal.times[deal.steps - 1]);
				table.row(id, deal.account + 1L, deal.name, deal.amount, deal.currency, deal.stage(), deal.closeDate,
						deal.owner, "SOURCED".equals(deal.credit) ? "PARTNER" : "DIRECT",
						(deal.partner == null) ? null : deal.partner.id, deal.credit, deal.share, entered,
						Instant.ofEpochSecond(deal.times[0]), deal.closed() ? entered : null, entered);
				if ("SOURCED".equals(deal.credit)) {
					registrations.add((int) deal.partner.id - 1, deal.times[0], id);
				}
				if ("COMMIT".equals(deal.stage()) && id % 10 < COMMIT_CALLS_IN_TEN) {
					commits.add(new long[] { id, deal.owner, deal.times[deal.steps - 1] });
				}
			}
		}
		try (var table = sink.table("forecast_call", List.of("opportunity_id", "called_by", "called_at"))) {
			for (var call : commits) {
				table.row(call[0], call[1], Instant.ofEpochSecond(call[2]));
			}
		}
		long changeId = 1;
		try (var table = sink.table("opportunity_stage_change",
				List.of("id", "opportunity_id", "from_stage", "to_stage", "changed_by", "changed_at"))) {
			for (long id = 1; id <= count; id++) {
				var deal = plan(id);
				for (int step = 0; step < deal.steps; step++) {
					table.row(changeId++, id, (step == 0) ? null : deal.stages[step - 1], deal.stages[step], deal.owner,
							Instant.ofEpochSecond(deal.times[step]));
				}
			}
		}
		return registrations;
	}

	Deal plan(long id) {
		var random = Randoms.of(this.seed, Randoms.OPPORTUNITIES, id);
		var deal = new Deal();
		boolean forced = id <= 8 && this.partners.size() >= 2;
		boolean forcedWin = forced && (id - 1) % 4 < 2;
		long created;
		if (forced) {
			deal.partner = this.partners.get((id <= 4) ? 0 : 1);
			created = this.now - (forcedWin ? Randoms.between(random, 200 * DAY, 300 * DAY)
					: Randoms.between(random, 2 * DAY, 10 * DAY));
		}
		else {
			created = this.windowStart + (long) ((this.now - this.windowStart) * Math.pow(random.nextDouble(), 0.85));
			if (random.nextDouble() < 0.47) {
				deal.partner = pickPartner(random, created);
			}
		}
		deal.account = this.accounts.dealAccount((int) (this.accounts.size() * Math.pow(random.nextDouble(), 1.4)));
		deal.owner = (random.nextDouble() < 0.85) ? this.accounts.owners[deal.account]
				: this.repIds[random.nextInt(this.repIds.length)];
		deal.name = this.accounts.names[deal.account] + " – " + Randoms.pick(random, Words.USE_CASES);
		double quality = (deal.partner == null) ? 0 : deal.partner.qOutcome(created);
		double amount = Math.exp(Math.log(30_000) + 0.9 * Randoms.gaussian(random))
				* ((deal.partner == null) ? 1 : 0.75 + 0.6 * quality);
		deal.amount = BigDecimal.valueOf(Math.round(Randoms.clamp(amount, 5_000, 500_000) / 10) * 10L).setScale(2);
		deal.currency = currency(random, deal.partner);
		if (deal.partner != null) {
			credit(random, deal, forced);
		}
		double winProbability = (deal.partner == null) ? 0.27
				: Randoms.clamp(0.08 + 0.42 * quality + 0.06 * Randoms.gaussian(random), 0.03, 0.85);
		boolean won = forced ? true : random.nextDouble() < winProbability;
		int lastOpen = won ? 3 : Randoms.weighted(random, LOSS_STAGE_WEIGHTS);
		double pace = (deal.partner == null) ? 1 : 1.1 - 0.3 * quality;
		deal.stages = new String[lastOpen + 2];
		deal.times = new long[lastOpen + 2];
		long at = created;
		for (int step = 0; step < deal.stages.length; step++) {
			if (step > 0) {
				at += (long) ((3 * DAY + 16 * DAY * -Math.log(1 - random.nextDouble())) * pace);
			}
			deal.stages[step] = (step <= lastOpen) ? OPEN_STAGES[step] : (won ? "CLOSED_WON" : "CLOSED_LOST");
			deal.times[step] = at;
			if (at <= this.now) {
				deal.steps = step + 1;
			}
		}
		deal.closeDate = day(at);
		double hygiene = random.nextDouble();
		if (!deal.closed() && !forced) {
			if (hygiene < 0.08 && created < this.now - 10 * DAY) {
				long slipped = Randoms.between(random, Math.max(created + 5 * DAY, this.now - 75 * DAY),
						this.now - 2 * DAY);
				deal.closeDate = day(slipped);
			}
			else if (hygiene >= 0.08 && hygiene < 0.10) {
				deal.closeDate = null;
			}
		}
		return deal;
	}

	/**
	 * The business day of a moment (epoch seconds): what a closed deal's close date is.
	 */
	private LocalDate day(long epochSecond) {
		return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), this.zone);
	}

	private PartnerPlan pickPartner(SplittableRandom random, long at) {
		if (this.dealPartners.length == 0) {
			return null;
		}
		double total = this.cumulativeWeight[this.cumulativeWeight.length - 1];
		for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
			int index = java.util.Arrays.binarySearch(this.cumulativeWeight, random.nextDouble() * total);
			index = (index < 0) ? -index - 1 : index;
			var partner = this.partners.get(this.dealPartners[Math.min(index, this.dealPartners.length - 1)]);
			double quality = partner.qOutcome(at);
			double weightNow = Math.pow((0.15 + quality) / (0.15 + partner.qHighest()), 2);
			if (partner.takesDealsAt(at) && random.nextDouble() < weightNow * (0.35 + 0.65 * quality)) {
				return partner;
			}
		}
		return null;
	}

	private static void credit(SplittableRandom random, Deal deal, boolean forced) {
		double[] weights = switch (deal.partner.type) {
			case "REFERRAL" -> new double[] { 80, 20, 0 };
			case "RESELLER" -> new double[] { 70, 0, 30 };
			case "ADVISORY" -> new double[] { 15, 60, 25 };
			default -> new double[] { 40, 25, 35 };
		};
		int kind = forced ? 0 : Randoms.weighted(random, weights);
		deal.credit = new String[] { "SOURCED", "INFLUENCED", "CO_SELL" }[kind];
		int[][] shares = { { 20, 30 }, { 10, 15 }, { 15, 25 } };
		int share = shares[kind][0] + random.nextInt(shares[kind][1] - shares[kind][0] + 1);
		deal.share = BigDecimal.valueOf(share).setScale(2);
	}

	private static String currency(SplittableRandom random, PartnerPlan partner) {
		boolean europe = partner != null && "EMEA".equals(partner.region);
		double roll = random.nextDouble();
		if (roll < (europe ? 0.45 : 0.12)) {
			return "EUR";
		}
		return (roll < (europe ? 0.65 : 0.20)) ? "GBP" : "USD";
	}

	/** One planned deal; {@code steps} of its stage path have happened by now. */
	static final class Deal {

		int account;

		long owner;

		String name;

		BigDecimal amount;

		String currency;

		PartnerPlan partner;

		String credit;

		BigDecimal share;

		String[] stages;

		long[] times;

		int steps;

		LocalDate closeDate;

		String stage() {
			return this.stages[this.steps - 1];
		}

		boolean closed() {
			return this.stage().startsWith("CLOSED");
		}

	}

}
