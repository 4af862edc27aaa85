package com.trellis.scoring;

import java.util.HashSet;

/**
 * Delivery readiness from the records: the partner's solutions engineers and customer
 * success managers holding a certification that is valid on the cut-off day.
 */
final class CertifiedDeliveryStaff extends NamedSignal {

	CertifiedDeliveryStaff() {
		super("certified-delivery-staff", "Certified delivery staff", Pillar.READINESS,
				"Partner users in delivery roles (SE, CSM) holding a certification valid on the cut-off day",
				"partner users and their job roles, certifications completed and when they " + "expire",
				"valid on the cut-off day", "people");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		var delivery = new HashSet<Long>();
		records.members()
			.stream()
			.filter(m -> m.delivery() && asOf.knows(m.since()))
			.forEach(m -> delivery.add(m.userId()));
		long certified = records.certifications()
			.stream()
			.filter(c -> delivery.contains(c.userId()) && c.validOn(asOf.day()))
			.mapToLong(PartnerRecords.Certification::userId)
			.distinct()
			.count();
		return Reading.of(certified, certified + " of " + plural(delivery.size(), "delivery person", "delivery staff")
				+ " hold a valid certification");
	}

}
