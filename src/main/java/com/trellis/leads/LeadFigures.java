package com.trellis.leads;

import java.math.BigDecimal;

import com.trellis.shared.Percent;

/**
 * A rep's partner leads over a period: leads routed to the rep in it, how many the rep
 * accepted, how many had their follow-up due (deadline passed, or followed up), and how
 * many of those were followed up by the deadline.
 */
public record LeadFigures(long repId, long received, long accepted, long followUpDue, long followedUpInTime) {

	public static LeadFigures none(long repId) {
		return new LeadFigures(repId, 0, 0, 0, 0);
	}

	/** Accepted as a share of received, in percent; null without leads. */
	public BigDecimal acceptedShare() {
		return share(this.accepted, this.received);
	}

	/** Followed up in time as a share of leads whose follow-up was due; null without. */
	public BigDecimal inTimeShare() {
		return share(this.followedUpInTime, this.followUpDue);
	}

	public LeadFigures plus(LeadFigures other) {
		return new LeadFigures(this.repId, this.received + other.received, this.accepted + other.accepted,
				this.followUpDue + other.followUpDue, this.followedUpInTime + other.followedUpInTime);
	}

	private static BigDecimal share(long part, long whole) {
		return Percent.of(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

}
