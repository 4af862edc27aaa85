package com.trellis.demo;

/**
 * How big a demo ecosystem to generate.
 *
 * @param partners how many partners (at least 2: the two well-known demo partners)
 * @param reps how many account executives
 * @param teams how many sales teams, at most one per rep
 * @param accounts how many customer accounts
 * @param opportunities how many opportunities
 * @param events how many partner activity events
 */
public record DemoSize(int partners, int reps, int teams, int accounts, int opportunities, long events) {

	/** The benchmark size: about 40k partners, 2M deals and 20M activity events. */
	public static final DemoSize LARGE = new DemoSize(40_000, 400, 40, 100_000, 2_000_000, 20_000_000L);

	public DemoSize {
		if (partners < 2 || reps < 1 || teams < 1 || teams > reps || accounts < 1 || opportunities < 0 || events < 0) {
			throw new IllegalArgumentException(
					"Invalid demo size " + partners + " partners, " + reps + " reps, " + teams + " teams, " + accounts
							+ " accounts, " + opportunities + " opportunities, " + events + " events");
		}
	}

	/** Partner leads: one for every eight opportunities. */
	int leads() {
		return this.opportunities / 8;
	}

	/** One PAM per about 40 partners, at least 6 and at most 200. */
	int pams() {
		return Math.max(6, Math.min(200, Math.round(this.partners / 40f)));
	}

}
