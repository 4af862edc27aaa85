package com.trellis.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A few open deals whose amount nobody knows yet, as an import of a CRM export leaves an
 * open deal without an amount (V124 {@code opportunity.amount_unknown}; the stored amount
 * is 0, so the deal adds nothing to a sum or a weighted figure): one of the demo AE's
 * (Alex Rivera, {@code ae@trellis.demo}), one of the demo partner Northwind's and a few
 * more drawn from the seed. So "Amount unknown" shows on the deal page, in the deal lists
 * and in the hygiene report's missing fields on the first start.
 */
final class DemoUnknownAmounts {

	static final int RANDOM_STREAM = 46;

	/** Deals drawn from every open deal, besides the AE's and Northwind's. */
	static final int OTHERS = 2;

	private static final String OPEN = "stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')";

	/** The first eight deals are the well-known partners' scripted ones: left alone. */
	private static final long FIRST_DRAWN = 9;

	private final JdbcClient jdbc;

	DemoUnknownAmounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks the deals; returns their ids. */
	List<Long> write(long seed, int deals) {
		var random = Randoms.of(seed, RANDOM_STREAM, 0);
		var picked = new ArrayList<Long>();
		pickOne(random, picked, "owner_id = (SELECT id FROM app_user WHERE email = 'ae@trellis.demo')");
		pickOne(random, picked, "partner_id = 1");
		for (int round = 0; round < 5 && picked.size() < OTHERS + 2 && deals >= FIRST_DRAWN; round++) {
			var candidates = new ArrayList<Long>();
			for (int i = 0; i < 40; i++) {
				candidates.add(Randoms.between(random, FIRST_DRAWN, deals + 1L));
			}
			var open = new java.util.HashSet<>(
					this.jdbc.sql("SELECT id FROM opportunity WHERE id IN (:ids) AND amount > 0 AND " + OPEN)
						.param("ids", candidates)
						.query(Long.class)
						.list());
			for (long id : candidates) {
				if (picked.size() < OTHERS + 2 && open.contains(id) && !picked.contains(id)) {
					picked.add(id);
				}
			}
		}
		if (!picked.isEmpty()) {
			this.jdbc.sql("UPDATE opportunity SET amount = 0, amount_unknown = TRUE WHERE id IN (:ids)")
				.param("ids", picked)
				.update();
		}
		return picked;
	}

	private void pickOne(SplittableRandom random, List<Long> picked, String whose) {
		var open = this.jdbc
			.sql("SELECT id FROM opportunity WHERE %s AND id >= %d AND amount > 0 AND %s ORDER BY id".formatted(whose,
					FIRST_DRAWN, OPEN))
			.query(Long.class)
			.list();
		if (!open.isEmpty()) {
			picked.add(open.get(random.nextInt(open.size())));
		}
	}

}
