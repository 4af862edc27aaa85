package com.trellis.scoring;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One partner's rows up to the latest cut-off, with what each cut-off filters on.
 */
final class RecordLists {

	final List<Timed<PartnerRecords.Member>> members = new ArrayList<>();

	final List<PartnerRecords.DailyCount> activity = new ArrayList<>();

	final List<PartnerRecords.CoSellAsk> asks = new ArrayList<>();

	final List<Deal> deals = new ArrayList<>();

	final List<Step> steps = new ArrayList<>();

	final List<PartnerRecords.Invitation> invitations = new ArrayList<>();

	final List<Timed<PartnerRecords.Certification>> certifications = new ArrayList<>();

	record Timed<T>(T record, Instant at) {
	}

	record Deal(long id, Instant joinedAt, String industry, Instant closedAt) {
	}

	record Step(long opportunityId, PartnerRecords.StageStep step) {
	}

	void read(RecordStream.Sources s, long id) throws SQLException {
		this.members.clear();
		this.activity.clear();
		this.asks.clear();
		this.deals.clear();
		this.steps.clear();
		this.invitations.clear();
		this.certifications.clear();
		for (var c = s.members; c.on(id); c.advance()) {
			var at = c.rs.getTimestamp(4).toInstant();
			this.members.add(new Timed<>(new PartnerRecords.Member(c.rs.getLong(2), c.rs.getString(3), at), at));
		}
		for (var c = s.activity; c.on(id); c.advance()) {
			this.activity.add(new PartnerRecords.DailyCount(c.rs.getObject(2, LocalDate.class),
					c.rs.getString(3).intern(), c.rs.getInt(4)));
		}
		for (var c = s.asks; c.on(id); c.advance()) {
			var answered = c.rs.getTimestamp(3);
			this.asks.add(new PartnerRecords.CoSellAsk(c.rs.getTimestamp(2).toInstant(),
					answered == null ? null : answered.toInstant()));
		}
		for (var c = s.deals; c.on(id); c.advance()) {
			var closed = c.rs.getTimestamp(5);
			this.deals.add(new Deal(c.rs.getLong(2), c.rs.getTimestamp(3).toInstant(), c.rs.getString(4),
					closed == null ? null : closed.toInstant()));
		}
		for (var c = s.steps; c.on(id); c.advance()) {
			this.steps.add(new Step(c.rs.getLong(2),
					new PartnerRecords.StageStep(c.rs.getString(3).intern(), c.rs.getTimestamp(4).toInstant())));
		}
		for (var c = s.invitations; c.on(id); c.advance()) {
			this.invitations
				.add(new PartnerRecords.Invitation(c.rs.getLong(2), c.rs.getLong(3), c.rs.getTimestamp(4).toInstant()));
		}
		for (var c = s.certifications; c.on(id); c.advance()) {
			this.certifications
				.add(new Timed<>(new PartnerRecords.Certification(c.rs.getLong(2), c.rs.getObject(3, LocalDate.class),
						c.rs.getObject(4, LocalDate.class)), c.rs.getTimestamp(5).toInstant()));
		}
	}

	/**
	 * The partner's records as {@link ScoringRecords#load} reads them for one cut-off.
	 */
	PartnerRecords asOf(long id, LocalDate onboardedOn, List<String> verticals, AsOf asOf, ZoneId zone) {
		var end = asOf.end();
		var activitySince = end.minus(ScoringRecords.ACTIVITY_BACK);
		var dealsSince = end.minus(ScoringRecords.DEALS_BACK);
		// activity is read per business day: the day the 400-day window starts in is
		// kept whole, which no signal reaches (the longest looks back 365 days)
		var firstDay = activitySince.atZone(zone).toLocalDate();
		var members = this.members.stream().filter(m -> m.at().isBefore(end)).map(Timed::record).toList();
		var activity = this.activity.stream()
			.filter(d -> !d.day().isAfter(asOf.day()) && !d.day().isBefore(firstDay))
			.toList();
		var asks = this.asks.stream()
			.filter(a -> !a.requestedAt().isBefore(activitySince) && a.requestedAt().isBefore(end))
			.map(a -> a.answeredAt() == null || a.answeredAt().isBefore(end) ? a
					: new PartnerRecords.CoSellAsk(a.requestedAt(), null))
			.toList();
		var deals = new ArrayList<PartnerRecords.DealTrack>();
		int from = 0;
		for (var deal : this.deals) {
			while (from < this.steps.size() && this.steps.get(from).opportunityId() < deal.id()) {
				from++;
			}
			if (!deal.joinedAt().isBefore(end) || deal.closedAt() != null && deal.closedAt().isBefore(dealsSince)) {
				continue;
			}
			var path = new ArrayList<PartnerRecords.StageStep>();
			for (int i = from; i < this.steps.size() && this.steps.get(i).opportunityId() == deal.id(); i++) {
				if (this.steps.get(i).step().at().isBefore(end)) {
					path.add(this.steps.get(i).step());
				}
			}
			deals.add(new PartnerRecords.DealTrack(deal.id(), deal.joinedAt(), deal.industry(), path));
		}
		var invitations = this.invitations.stream().filter(i -> i.at().isBefore(end)).toList();
		var certifications = this.certifications.stream()
			.filter(c -> c.at().isBefore(end) && c.record().validOn(asOf.day()))
			.map(Timed::record)
			.toList();
		return new PartnerRecords(id, onboardedOn, verticals, members, activity, asks, deals, invitations,
				certifications);
	}

}
