package com.trellis.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one partner's records by hand for the signal tests, on a UTC business calendar:
 * the cut-off is the end of {@link #DAY}, and times are given in days (and hours) before
 * it.
 */
final class RecordsFixture {

	static final LocalDate DAY = LocalDate.of(2026, 6, 30);

	static final AsOf AS_OF = asOf(DAY);

	final List<PartnerRecords.Member> members = new ArrayList<>();

	final List<PartnerRecords.DailyCount> activity = new ArrayList<>();

	final List<PartnerRecords.CoSellAsk> asks = new ArrayList<>();

	final List<PartnerRecords.DealTrack> deals = new ArrayList<>();

	final List<PartnerRecords.Invitation> invitations = new ArrayList<>();

	final List<PartnerRecords.Certification> certifications = new ArrayList<>();

	List<String> verticals = List.of();

	LocalDate onboardedOn = DAY.minusDays(400);

	static AsOf asOf(LocalDate day) {
		return new AsOf(day, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	/** A moment {@code days} days before the cut-off; negative is after it. */
	static Instant daysBefore(double days) {
		return AS_OF.end().minusSeconds((long) (days * 86_400));
	}

	static LocalDate dayBefore(int days) {
		return DAY.minusDays(days);
	}

	RecordsFixture events(String type, int daysBefore, int count) {
		this.activity.add(new PartnerRecords.DailyCount(dayBefore(daysBefore), type, count));
		return this;
	}

	RecordsFixture ask(double daysBefore, Double answeredHoursLater) {
		var at = daysBefore(daysBefore);
		this.asks.add(new PartnerRecords.CoSellAsk(at,
				answeredHoursLater == null ? null : at.plusSeconds((long) (answeredHoursLater * 3600))));
		return this;
	}

	/**
	 * A deal created {@code created} days before, moved through stages at the given days
	 * before.
	 */
	RecordsFixture deal(String industry, double created, Object... stagesAndDays) {
		var steps = new ArrayList<PartnerRecords.StageStep>();
		for (int i = 0; i < stagesAndDays.length; i += 2) {
			steps.add(new PartnerRecords.StageStep((String) stagesAndDays[i],
					daysBefore(((Number) stagesAndDays[i + 1]).doubleValue())));
		}
		this.deals.add(new PartnerRecords.DealTrack(this.deals.size() + 1, daysBefore(created), industry, steps));
		return this;
	}

	RecordsFixture invitation(long ae, double daysBefore) {
		this.invitations.add(new PartnerRecords.Invitation(this.invitations.size() + 1, ae, daysBefore(daysBefore)));
		return this;
	}

	RecordsFixture member(long userId, String jobRole, double daysBefore) {
		this.members.add(new PartnerRecords.Member(userId, jobRole, daysBefore(daysBefore)));
		return this;
	}

	RecordsFixture certification(long userId, int completedDaysBefore, Integer expiresDaysBefore) {
		this.certifications.add(new PartnerRecords.Certification(userId, dayBefore(completedDaysBefore),
				expiresDaysBefore == null ? null : dayBefore(expiresDaysBefore)));
		return this;
	}

	PartnerRecords build() {
		return new PartnerRecords(1, this.onboardedOn, this.verticals, this.members, this.activity, this.asks,
				this.deals, this.invitations, this.certifications);
	}

	Reading read(Signal signal) {
		return signal.read(build(), AS_OF);
	}

}
