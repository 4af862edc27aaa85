package com.trellis.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A sales rep who left the company: a deactivated account executive (the next user id
 * after the loaded ones, on a seeded rep's team, who cannot sign in) still holding two
 * accounts with their open deals and a few open deals on other reps' accounts. So the
 * admin's hygiene page counts "open deals held by a deactivated user" on the first start:
 * its one-click fix hands the deals on other reps' accounts to those owners and leaves
 * the two accounts' deals to the leaver hand-over (which names who takes the accounts).
 * Which accounts and deals, drawn from the seed: the same seed gives the same leaver.
 */
final class DemoLeaver {

	static final int RANDOM_STREAM = 45;

	static final String EMAIL = "leaver@trellis.demo";

	/** Accounts (with their open deals) the leaver still owns. */
	static final int ACCOUNTS = 2;

	/** Open deals the leaver holds on accounts other reps own. */
	static final int OTHER_DEALS = 3;

	/** Candidate ids drawn per round: far more than are kept, most deals are closed. */
	private static final int CANDIDATES = 60;

	private static final String OPEN = "stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')";

	private final JdbcClient jdbc;

	private final Instant now;

	DemoLeaver(JdbcClient jdbc, Instant now) {
		this.jdbc = jdbc;
		this.now = now;
	}

	/**
	 * Writes the leaver and hands them their book; returns the leaver's user id.
	 * @param accounts the demo's account count (ids 1 to it; the last, the README's
	 * walk-through account, is never picked)
	 * @param deals the demo's deal count (ids 1 to it; the first eight, the well-known
	 * partners' deals, are never picked)
	 */
	long write(long seed, int accounts, int deals) {
		var random = Randoms.of(seed, RANDOM_STREAM, 0);
		long team = this.jdbc.sql("SELECT id FROM app_user WHERE role = 'AE' ORDER BY id")
			.query(Long.class)
			.list()
			.get(random.nextInt(
					this.jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'AE'").query(Integer.class).single()));
		String name = Randoms.pick(random, Words.FIRST_NAMES) + " " + Randoms.pick(random, Words.LAST_NAMES);
		Timestamp joined = Timestamp.from(this.now.minus(Duration.ofDays(700)));
		long leaver = this.jdbc
			.sql("""
					INSERT INTO app_user (id, email, display_name, password_hash, role, manager_id, team, enabled, created_at)
					SELECT (SELECT max(id) + 1 FROM app_user), :email, :name, r.password_hash, 'AE', r.manager_id, r.team,
					       FALSE, :joined
					FROM app_user r WHERE r.id = :teammate
					RETURNING id
					""")
			.param("email", EMAIL)
			.param("name", name)
			.param("joined", joined)
			.param("teammate", team)
			.query(Long.class)
			.single();
		var owned = pick(random, 1, accounts - 1, ACCOUNTS, """
				SELECT a.id FROM account a WHERE a.id IN (:ids)
				  AND EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.%s)
				""".formatted(OPEN));
		if (!owned.isEmpty()) {
			this.jdbc.sql("UPDATE account SET owner_ae_id = :leaver WHERE id IN (:ids)")
				.param("leaver", leaver)
				.param("ids", owned)
				.update();
			this.jdbc.sql("UPDATE opportunity SET owner_id = :leaver WHERE account_id IN (:ids) AND " + OPEN)
				.param("leaver", leaver)
				.param("ids", owned)
				.update();
		}
		var others = pick(random, 9, deals, OTHER_DEALS, """
				SELECT o.id FROM opportunity o JOIN account a ON a.id = o.account_id
				WHERE o.id IN (:ids) AND o.%s AND a.owner_ae_id <> %d
				""".formatted(OPEN, leaver));
		if (!others.isEmpty()) {
			this.jdbc.sql("UPDATE opportunity SET owner_id = :leaver WHERE id IN (:ids)")
				.param("leaver", leaver)
				.param("ids", others)
				.update();
		}
		return leaver;
	}

	/**
	 * Up to {@code wanted} ids in [{@code from}, {@code to}] that {@code sql} keeps, in
	 * the order drawn; a few rounds of seeded candidates.
	 */
	private List<Long> pick(SplittableRandom random, long from, long to, int wanted, String sql) {
		var kept = new ArrayList<Long>();
		for (int round = 0; round < 5 && kept.size() < wanted && to >= from; round++) {
			var candidates = new ArrayList<Long>();
			for (int i = 0; i < CANDIDATES; i++) {
				candidates.add(Randoms.between(random, from, to + 1));
			}
			var fitting = new java.util.HashSet<>(this.jdbc.sql(sql).param("ids", candidates).query(Long.class).list());
			for (long id : candidates) {
				if (kept.size() < wanted && fitting.contains(id) && !kept.contains(id)) {
					kept.add(id);
				}
			}
		}
		return kept;
	}

}
