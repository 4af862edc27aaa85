package com.trellis.scoring;

import java.util.List;

/**
 * The default rubric: each signal's weight within its score (the weights of a score add
 * up to 100) and the ramp that turns its value into a share of that weight. Documented in
 * {@code docs/scoring.md}; learned weights replace it once there is enough history (not
 * built yet).
 */
final class Rubric {

	/** One signal's place in its score. */
	record Entry(Signal signal, int weight, Ramp ramp) {
	}

	private final List<Entry> entries;

	Rubric(List<Entry> entries) {
		for (var pillar : Pillar.values()) {
			int total = entries.stream().filter(e -> e.signal().pillar() == pillar).mapToInt(Entry::weight).sum();
			if (total != 100) {
				throw new IllegalArgumentException("The weights of " + pillar + " add up to " + total + ", not 100");
			}
		}
		this.entries = List.copyOf(entries);
	}

	static Rubric standard() {
		return standard(SelfAssessment.NONE, SalesMaturity.NONE);
	}

	/**
	 * The readiness weights keep the proportions the three record and self-assessment
	 * signals had before the sales maturity signal joined them (35:35:30), so a partner
	 * without a maturity assessment (the signal unknown, its weight shared by the others)
	 * scores as it did.
	 */
	static Rubric standard(SelfAssessment.Source assessments, SalesMaturity.Source maturity) {
		return new Rubric(List.of(new Entry(new CertifiedDeliveryStaff(), 28, new Ramp(0, 3)),
				new Entry(new VerticalSpecialisation(), 28, new Ramp(0, 2)),
				new Entry(new SelfAssessment(assessments), 24, new Ramp(0, 100)),
				new Entry(new SalesMaturity(maturity), 20, new Ramp(0, 100)),
				new Entry(new CoSellResponsiveness(), 20, new Ramp(168, 8)),
				new Entry(new DealHygiene(), 15, new Ramp(40, 100)),
				new Entry(new FieldInteractions(), 20, new Ramp(0, 4)), new Entry(new PlayUse(), 10, new Ramp(0, 2)),
				new Entry(new AppliedEnablement(), 20, new Ramp(0, 80)),
				new Entry(new ActivityTrend(), 15, new Ramp(0.5, 1.5)), new Entry(new JointWins(), 30, new Ramp(0, 5)),
				new Entry(new AeInvitations(), 25, new Ramp(0, 6)),
				new Entry(new RepeatInvitations(), 20, new Ramp(0, 3)),
				new Entry(new InvitingAes(), 25, new Ramp(0, 4))));
	}

	List<Entry> entries() {
		return this.entries;
	}

	List<Entry> of(Pillar pillar) {
		return this.entries.stream().filter(e -> e.signal().pillar() == pillar).toList();
	}

}
