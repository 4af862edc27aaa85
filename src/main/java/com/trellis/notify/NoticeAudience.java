package com.trellis.notify;

import java.util.List;

import com.trellis.identity.UserSummary;

/**
 * Who a change's notices would reach, read before the change is made: the member of staff
 * a {@link StaffNotice} goes to (whether they are enabled, and their channels) and the
 * enabled users of the partner a {@link PartnerNotice} goes to (with theirs), and the
 * partner's Slack channel. A registration reads it before it takes the customer's lock,
 * so the locked part of the transaction only writes its notices. Read by
 * {@link NoticeAudiences}; {@link StaffNotices#enqueue(StaffNotice, NoticeAudience)} and
 * {@link Notifications#enqueue(PartnerNotice, NoticeAudience)} write with it, and read
 * the audience themselves for a notice to someone it was not read for.
 */
public final class NoticeAudience {

	/** The member of staff asked for, or null. */
	final Long staffId;

	/** That user (null when unknown). */
	final UserSummary staff;

	final boolean staffEnabled;

	/** The partner asked for, or null. */
	final Long partnerId;

	/** The partner's enabled users. */
	final List<UserSummary> partnerUsers;

	final UserNoticeChoices.Stored choices;

	NoticeAudience(Long staffId, UserSummary staff, boolean staffEnabled, Long partnerId,
			List<UserSummary> partnerUsers, UserNoticeChoices.Stored choices) {
		this.staffId = staffId;
		this.staff = staff;
		this.staffEnabled = staffEnabled;
		this.partnerId = partnerId;
		this.partnerUsers = partnerUsers;
		this.choices = choices;
	}

	boolean hasStaff(long userId) {
		return this.staffId != null && this.staffId == userId;
	}

	boolean hasPartner(long partnerId) {
		return this.partnerId != null && this.partnerId == partnerId;
	}

}
