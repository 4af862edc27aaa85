package com.trellis.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's play library (§C17) and the plays used on partner deals of the last year, so
 * the library, the deal pages and each play's effectiveness show something on first
 * start. A partner deal used a play with a chance that rises with the partner's hidden
 * quality (10 % at the bottom, 70 % at the top), so better partners use more plays; the
 * play used and the day (one to ten days after the deal opened, before it closed) follow
 * a hash of the deal and the seed. One play was revised 100 days ago: deals that used it
 * before keep version 1. Written by the admin (user 1) in one statement per table.
 */
final class DemoPlays {

	/**
	 * title, moment, role, buyer, why the partner, when to bring them in, problem, types.
	 */
	private static final String[][] PLAYS = {
			{ "Land the platform with an integrator", "DISCOVERY", "AE", "The CIO and the head of architecture",
					"An integrator has run this migration at similar customers and brings the delivery team",
					"Once the customer names the systems it must replace", "No credible plan or team to migrate",
					"SI,ADVISORY" },
			{ "Answer the 'too risky' objection with a reference", "OBJECTION", "AE",
					"The economic buyer and procurement",
					"A partner that runs the product at a peer is the reference the buyer trusts",
					"When the buyer raises risk or asks for references", "Fear of a failed rollout", "SI,RESELLER" },
			{ "Open the account through the reseller's relationship", "PROSPECTING", "AE",
					"The IT director of a mid-size company",
					"The reseller already supplies the customer and is on its vendor list",
					"Before first contact, to ask for an introduction", "We are not on the approved vendor list",
					"RESELLER,REFERRAL" },
			{ "Add the integration the customer is missing", "EXPANSION", "CSM", "The product owner of the team",
					"A software vendor's connector closes the gap the customer works around by hand",
					"When usage reviews show the manual workaround", "Data copied between systems by hand", "ISV" },
			{ "Technical proof with the partner's engineers", "DISCOVERY", "SE", "The lead engineer",
					"Partner engineers certified on the product run the proof on the customer's data",
					"After discovery, before the technical evaluation", "The proof would take our SEs weeks",
					"SI,ISV" },
			{ "Business case with an advisory partner", "OBJECTION", "PAM", "The CFO",
					"An advisory firm builds the business case in the customer's own numbers",
					"When the budget is questioned", "No agreed value to justify the spend", "ADVISORY" } };

	private final JdbcClient jdbc;

	private final List<PartnerPlan> partners;

	private final long seed;

	private final Instant now;

	DemoPlays(JdbcClient jdbc, List<PartnerPlan> partners, long seed, Instant now) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.seed = seed;
		this.now = now;
	}

	void write() {
		var written = Timestamp.from(this.now.minus(Duration.ofDays(400)));
		var ids = new long[PLAYS.length];
		for (int i = 0; i < PLAYS.length; i++) {
			ids[i] = this.jdbc
				.sql("INSERT INTO play (current_version, created_at, created_by) VALUES (1, :at, 1) RETURNING id")
				.param("at", written)
				.query(Long.class)
				.single();
			version(ids[i], 1, PLAYS[i], PLAYS[i][0], written);
		}
		// the first play was sharpened a hundred days ago
		version(ids[0], 2, PLAYS[0], PLAYS[0][0] + " (with a migration assessment)",
				Timestamp.from(this.now.minus(Duration.ofDays(100))));
		this.jdbc.sql("UPDATE play SET current_version = 2 WHERE id = :id").param("id", ids[0]).update();
		this.jdbc
			.sql("""
					WITH picked AS (
					    SELECT o.id AS deal, o.partner_id, o.owner_id,
					           (CAST(:plays AS BIGINT[]))[1 + abs(hashtext(o.id || ':play:' || :seed)) % :count] AS play_id,
					           LEAST(o.created_at + make_interval(hours => 24 * (1 + abs(hashtext(o.id || ':day:' || :seed)) % 10)),
					                 COALESCE(o.closed_at, CAST(:now AS TIMESTAMPTZ)), CAST(:now AS TIMESTAMPTZ)) AS used_at
					    FROM opportunity o
					    JOIN unnest(CAST(:partners AS BIGINT[]), CAST(:qualities AS FLOAT8[])) AS pq(partner_id, q)
					      ON pq.partner_id = o.partner_id
					    WHERE o.created_at >= :since AND o.created_at < :now
					      AND abs(hashtext(o.id || ':use:' || :seed)) % 1000 < 1000 * (0.1 + 0.6 * pq.q)
					)
					INSERT INTO play_use (play_id, version, opportunity_id, partner_id, used_by, used_at)
					SELECT p.play_id,
					       (SELECT max(v.version) FROM play_version v WHERE v.play_id = p.play_id AND v.written_at <= p.used_at),
					       p.deal, p.partner_id, p.owner_id, p.used_at
					FROM picked p
					""")
			.param("plays", literal(java.util.Arrays.stream(ids).boxed().toList()))
			.param("count", PLAYS.length)
			.param("seed", String.valueOf(this.seed))
			.param("partners", literal(this.partners.stream().map(p -> p.id).toList()))
			.param("qualities", literal(this.partners.stream().map(p -> p.q).toList()))
			.param("since", Timestamp.from(this.now.minus(Duration.ofDays(365))))
			.param("now", Timestamp.from(this.now))
			.update();
	}

	private void version(long id, int version, String[] play, String title, Timestamp at) {
		this.jdbc.sql("""
				INSERT INTO play_version (play_id, version, title, moment, for_role, buyer, why_partner, when_to_bring,
				                          problem, partner_types, verticals, capabilities, written_at, written_by)
				VALUES (:id, :version, :title, :moment, :role, :buyer, :why, :when, :problem, CAST(:types AS TEXT[]),
				        '{}', '{}', :at, 1)
				""")
			.param("id", id)
			.param("version", version)
			.param("title", title)
			.param("moment", play[1])
			.param("role", play[2])
			.param("buyer", play[3])
			.param("why", play[4])
			.param("when", play[5])
			.param("problem", play[6])
			.param("types", "{" + play[7] + "}")
			.param("at", at)
			.update();
	}

	private static String literal(List<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

}
