package com.trellis.scoring;

/**
 * How widely the field trusts the partner: distinct account executives who invited it.
 */
final class InvitingAes extends NamedSignal {

	static final int WINDOW_DAYS = 365;

	InvitingAes() {
		super("inviting-aes", "Distinct AEs inviting", Pillar.TRUST,
				"Distinct account executives who invited the partner onto a deal", AeInvitations.SOURCE,
				"the last " + WINDOW_DAYS + " days", "account executives");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		long aes = records.invitations()
			.stream()
			.filter(i -> asOf.within(i.at(), WINDOW_DAYS))
			.mapToLong(PartnerRecords.Invitation::aeId)
			.distinct()
			.count();
		return Reading.of(aes, plural(aes, "account executive", "account executives")
				+ " invited the partner in the last " + WINDOW_DAYS + " days");
	}

}
