package com.trellis.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated partner, with what is stored and what is not: its hidden quality, which
 * moves from {@code qStart} to {@code q} (today) between {@code changeFrom} and
 * {@code changeTo}, drives behaviour at once and outcomes about four months later. Most
 * partners drift a little over the whole history; some ramp up or decline within a few
 * months (see {@link PartnerPlanner}), so their behaviour moves months before their
 * pipeline does. Times are epoch seconds.
 */
final class PartnerPlan {

	static final long DAY = 86_400;

	static final long OUTCOME_LAG = 120 * DAY;

	final long id;

	String name;

	String type;

	String domain;

	String emailDomain;

	List<String> verticals;

	List<String> capabilities;

	String region;

	LocalDate onboardedOn;

	long ownerPamId;

	String status;

	String tier;

	double q;

	double qStart;

	/**
	 * When the quality starts to move from {@code qStart} and when it reaches {@code q}.
	 */
	long changeFrom;

	long changeTo;

	long createdAt;

	long updatedAt;

	final List<Change> history = new ArrayList<>();

	/** First and last moment of activity; {@code activeFrom < 0} means never active. */
	long activeFrom = -1;

	long activeTo = -1;

	/** A dormant spell without activity, or {@code gapFrom < 0}. */
	long gapFrom = -1;

	long gapTo = -1;

	long firstUserId;

	int userCount;

	private final long windowStart;

	private final long now;

	PartnerPlan(long id, long windowStart, long now) {
		this.id = id;
		this.windowStart = windowStart;
		this.now = now;
	}

	void change(String from, String to, long at, String reason) {
		this.history.add(new Change(from, to, at, reason));
		this.status = to;
	}

	/** The hidden quality as behaviour shows it at a moment. */
	double qBehaviour(long at) {
		long from = (this.changeTo > this.changeFrom) ? this.changeFrom : this.windowStart;
		long to = (this.changeTo > this.changeFrom) ? this.changeTo : this.now;
		double fraction = Randoms.clamp((double) (at - from) / (to - from), 0, 1);
		return this.qStart + (this.q - this.qStart) * fraction;
	}

	/** The hidden quality as outcomes show it at a moment: behaviour, months earlier. */
	double qOutcome(long at) {
		return qBehaviour(at - OUTCOME_LAG);
	}

	/** The highest quality the partner has at any moment (its deal-weight envelope). */
	double qHighest() {
		return Math.max(this.q, this.qStart);
	}

	boolean activeAt(long at) {
		return this.activeFrom >= 0 && at >= this.activeFrom && at <= this.activeTo
				&& (this.gapFrom < 0 || at < this.gapFrom || at >= this.gapTo);
	}

	/** Deals come a couple of weeks after onboarding, while the partner is active. */
	boolean takesDealsAt(long at) {
		return activeAt(at) && at >= this.activeFrom + 14 * DAY;
	}

	record Change(String from, String to, long at, String reason) {
	}

}
