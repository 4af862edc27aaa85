package com.trellis.demo;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static com.trellis.demo.PartnerPlan.DAY;

/**
 * Writes who put each partner on its deals (registrations for sourced deals, the deal's
 * rep inviting the partner otherwise) and the co-sell requests the field sends partners.
 * How often a partner is asked and how fast and how often it answers follow its hidden
 * quality at the time, with noise, so responsiveness moves with behaviour, months before
 * the deals (which follow the quality of months before) show it.
 */
final class CoSellWriter {

	private static final String[] ASKS = { "Can you join the discovery call next week?",
			"Could your architect review the integration plan?", "Do you have a reference customer in this industry?",
			"Can you help scope the implementation for the proposal?", "Would you co-present the business case?" };

	private static final String[] ANSWERS = { "Yes, our lead consultant joins.", "We can do it on Thursday.",
			"Sending a reference and joining the call.", "Not this month, sorry.", "Happy to help, booking a slot." };

	private final long seed;

	private final long now;

	private final long windowStart;

	private final List<PartnerPlan> partners;

	private final DealWriter deals;

	private final int dealCount;

	CoSellWriter(long seed, long now, long windowStart, List<PartnerPlan> partners, DealWriter deals, int dealCount) {
		this.seed = seed;
		this.now = now;
		this.windowStart = windowStart;
		this.partners = partners;
		this.deals = deals;
		this.dealCount = dealCount;
	}

	void write(RowSink sink) {
		writeAttachments(sink);
		writeRequests(sink);
	}

	private void writeAttachments(RowSink sink) {
		try (var table = sink.table("deal_partner_attachment",
				List.of("opportunity_id", "partner_id", "attached_by", "attached_at", "via", "credit_type"))) {
			for (long id = 1; id <= this.dealCount; id++) {
				var deal = this.deals.plan(id);
				if (deal.partner == null) {
					continue;
				}
				long created = deal.times[0];
				if ("SOURCED".equals(deal.credit)) {
					table.row(id, deal.partner.id, deal.partner.ownerPamId, Instant.ofEpochSecond(created),
							"REGISTRATION", deal.credit);
				}
				else {
					var random = Randoms.of(this.seed, Randoms.ATTACHMENTS, id);
					long latest = Math.max(created, Math.min(this.now, deal.times[deal.steps - 1]));
					long at = Math.min(latest, created + (long) (random.nextDouble() * 2 * DAY));
					table.row(id, deal.partner.id, deal.owner, Instant.ofEpochSecond(at), "REP", deal.credit);
				}
			}
		}
	}

	private void writeRequests(RowSink sink) {
		long id = 1;
		try (var table = sink.table("cosell_request", List.of("id", "opportunity_id", "deal_name", "partner_id",
				"requested_by", "requested_at", "ask", "status", "answered_by", "answered_at", "answer"))) {
			for (var partner : this.partners) {
				if (partner.activeFrom < 0 || this.dealCount == 0) {
					continue;
				}
				var random = Randoms.of(this.seed, Randoms.COSELL, partner.id);
				long at = Math.max(partner.activeFrom, this.windowStart);
				long end = Math.min(partner.activeTo, this.now);
				while (true) {
					double perMonth = 0.3 + 1.7 * partner.qBehaviour(at);
					at += (long) (-Math.log(1 - random.nextDouble()) * 30 * DAY / perMonth);
					if (at >= end) {
						break;
					}
					if (!partner.activeAt(at)) {
						continue;
					}
					var deal = openDealAt(random, at);
					if (deal >= 0) {
						writeRequest(table, id++, random, partner, deal, at);
					}
				}
			}
		}
	}

	private void writeRequest(RowSink.Table table, long id, SplittableRandom random, PartnerPlan partner, long dealId,
			long at) {
		var deal = this.deals.plan(dealId);
		double quality = partner.qBehaviour(at);
		boolean answers = random.nextDouble() < 0.5 + 0.48 * quality;
		double hours = Math.exp(Math.log(2) + 3.4 * (1 - quality) + 0.7 * Randoms.gaussian(random));
		long answeredAt = at + (long) (Randoms.clamp(hours, 0.1, 24 * 20) * 3600);
		boolean answered = answers && answeredAt <= this.now;
		String status = !answered ? "OPEN" : (random.nextDouble() < 0.5 + 0.45 * quality) ? "ACCEPTED" : "DECLINED";
		Long by = answered ? partner.firstUserId + random.nextInt(partner.userCount) : null;
		table.row(id, dealId, deal.name, partner.id, deal.owner, Instant.ofEpochSecond(at), Randoms.pick(random, ASKS),
				status, by, answered ? Instant.ofEpochSecond(answeredAt) : null,
				answered ? Randoms.pick(random, ANSWERS) : null);
	}

	/** A deal open at the moment, from a few random tries; -1 when none was. */
	private long openDealAt(SplittableRandom random, long at) {
		for (int attempt = 0; attempt < 6; attempt++) {
			long id = 1 + random.nextInt(this.dealCount);
			var deal = this.deals.plan(id);
			long closedAt = deal.closed() ? deal.times[deal.steps - 1] : Long.MAX_VALUE;
			if (deal.times[0] <= at && at < closedAt) {
				return id;
			}
		}
		return -1;
	}

}
