package com.trellis.scoring;

/**
 * The field reaching for the partner (§C10): account executives putting the partner on
 * their own deals as influencer or co-seller without a manager's prompt.
 */
final class AeInvitations extends NamedSignal {

	static final int WINDOW_DAYS = 365;

	static final String SOURCE = "who put the partner on a deal (the deal's rep, with influencer or "
			+ "co-seller credit), less deals a manager prompted first";

	AeInvitations() {
		super("ae-invitations", "AE invitations", Pillar.TRUST,
				"Deals an account executive put the partner on, unprompted, as influencer or co-seller", SOURCE,
				"the last " + WINDOW_DAYS + " days", "invitations");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		long count = records.invitations().stream().filter(i -> asOf.within(i.at(), WINDOW_DAYS)).count();
		return Reading.of(count, plural(count, "unprompted invitation", "unprompted invitations") + " in the last "
				+ WINDOW_DAYS + " days");
	}

}
