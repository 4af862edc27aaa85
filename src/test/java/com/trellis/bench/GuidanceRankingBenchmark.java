package com.trellis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (runs only with {@code mvn -P benchmark verify
 * -Dtest=GuidanceRankingBenchmark}): the plans and times of the guidance reads on a
 * medium table — {@code trellis.bench.guidance-rows} recommendations (default 1,000,000)
 * over the test demo's people and {@code trellis.bench.registration-rows} approved
 * registrations (default 300,000) — written to {@code target/guidance-explain.txt}: the
 * old per-kind count over the whole table against the summary the ranking now reads, a
 * person's current list, the tallies of the intervention choice, and the expiring
 * registrations of a PAM's book and of one partner. The rows it adds are removed.
 */
@TrellisTest
@Tag("benchmark")
class GuidanceRankingBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Test
	void guidanceReadsOnAMediumTable() throws Exception {
		int rows = Integer.getInteger("trellis.bench.guidance-rows", 1_000_000);
		int registrations = Integer.getInteger("trellis.bench.registration-rows", 300_000);
		long marker = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM guidance_recommendation")
			.query(Long.class)
			.single();
		long regMarker = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM deal_registration").query(Long.class).single();
		var out = new ArrayList<String>();
		try {
			long t0 = System.nanoTime();
			seed("""
					INSERT INTO guidance_recommendation (user_id, partner_id, kind, subject, title, reason, action_label,
					    action_link, state, shown_on, last_seen_on, acted_at, outcome_due, outcome_at, outcome, intervention)
					SELECT u.ids[1 + n % array_length(u.ids, 1)], p.ids[1 + n % array_length(p.ids, 1)],
					       (ARRAY['INTRODUCE_TO_AES','STALLING_INTERVENTION','EXPIRING_REGISTRATION','STALLED_DEAL',
					              'MISSING_EXIT_CRITERIA','ACTIVATION_MILESTONE','TIER_GAP'])[1 + n % 7],
					       'bench:' || n, 'Bench', 'reason', 'Open', '/',
					       (ARRAY['OPEN','ACCEPTED','DISMISSED','SNOOZED'])[1 + (n / 7) % 4],
					       current_date - (n % 400), current_date - (n % 400),
					       CASE WHEN (n / 7) % 4 = 1 THEN now() END,
					       CASE WHEN n % 7 IN (0, 1, 5, 6) THEN current_date - (n % 400) + 30 END,
					       CASE WHEN n % 7 IN (0, 1, 5, 6) AND n % 3 = 0 THEN now() END,
					       CASE WHEN n % 7 = 0 THEN 'COSELL' WHEN n % 7 IN (1, 5, 6) THEN 'REGISTRATION' END,
					       CASE WHEN n % 7 = 1 THEN (ARRAY['TRAINING','INCENTIVE','INTRODUCTION'])[1 + n % 3] END
					FROM generate_series(:from, :to) AS n,
					     (SELECT array_agg(id) AS ids FROM app_user) u,
					     (SELECT array_agg(id) AS ids FROM partner) p
					""",
					rows);
			seed("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount, currency,
					    expected_close_date, credit_type, partner_share, status, submitted_at, approved_at, protection_ends_at)
					SELECT p.ids[1 + n % array_length(p.ids, 1)], u.id, 'Bench customer ' || n, 'a need', 1000, 'USD',
					       current_date + 90, 'SOURCED', 20, 'APPROVED', now() - (n % 300) * interval '1 day',
					       now() - (n % 300) * interval '1 day', now() + (n % 400 - 100) * interval '1 day'
					FROM generate_series(:from, :to) AS n, (SELECT array_agg(id) AS ids FROM partner) p,
					     (SELECT min(id) AS id FROM app_user) u
					""",
					registrations);
			this.jdbc.sql("ANALYZE guidance_recommendation").update();
			this.jdbc.sql("ANALYZE deal_registration").update();
			out.add("seeded " + rows + " recommendations and " + registrations + " registrations in "
					+ (System.nanoTime() - t0) / 1_000_000 + " ms");
			long user = this.jdbc.sql("""
					SELECT user_id FROM guidance_recommendation GROUP BY user_id ORDER BY count(*) DESC LIMIT 1
					""").query(Long.class).single();
			long pam = this.jdbc.sql("""
					SELECT owner_pam_id FROM partner GROUP BY owner_pam_id ORDER BY count(*) DESC LIMIT 1
					""").query(Long.class).single();
			long partner = this.jdbc.sql("""
					SELECT partner_id FROM deal_registration GROUP BY partner_id ORDER BY count(*) DESC LIMIT 1
					""").query(Long.class).single();
			explain(out, "old ranking: per-kind counts over the whole table", """
					SELECT kind, count(*), count(*) FILTER (WHERE state = 'ACCEPTED'),
					       count(*) FILTER (WHERE state = 'ACCEPTED' AND outcome_due IS NOT NULL
					                        AND (outcome_at IS NOT NULL OR outcome_due < current_date)),
					       count(*) FILTER (WHERE state = 'ACCEPTED' AND outcome_at IS NOT NULL),
					       count(*) FILTER (WHERE state <> 'ACCEPTED' AND outcome_due IS NOT NULL
					                        AND (outcome_at IS NOT NULL OR outcome_due < current_date)),
					       count(*) FILTER (WHERE state <> 'ACCEPTED' AND outcome_at IS NOT NULL)
					FROM guidance_recommendation GROUP BY kind""");
			explain(out, "new ranking: the per-kind summary", "SELECT * FROM guidance_kind_summary");
			explain(out, "a person's current list (user " + user + ")", """
					SELECT id, kind FROM guidance_recommendation
					WHERE user_id = %d AND last_seen_on = (SELECT max(day) FROM guidance_run)
					  AND (state = 'OPEN' OR (state = 'SNOOZED' AND snoozed_until <= current_date))
					ORDER BY shown_on DESC, id""".formatted(user));
			explain(out, "intervention tallies of the daily run", """
					SELECT partner_id, intervention, count(*), count(outcome_at) FROM guidance_recommendation
					WHERE state = 'ACCEPTED' AND intervention IS NOT NULL
					  AND (outcome_at IS NOT NULL OR outcome_due < current_date)
					GROUP BY partner_id, intervention""");
			explain(out, "expiring registrations of PAM " + pam + "'s book",
					"""
							SELECT id FROM deal_registration
							WHERE status = 'APPROVED' AND protection_ends_at >= now() AND protection_ends_at < now() + interval '15 days'
							  AND partner_id IN (SELECT id FROM partner WHERE owner_pam_id = %d)
							ORDER BY protection_ends_at, id LIMIT 5"""
						.formatted(pam));
			explain(out, "expiring registrations of partner " + partner,
					"""
							SELECT id FROM deal_registration
							WHERE status = 'APPROVED' AND protection_ends_at >= now() AND protection_ends_at < now() + interval '15 days'
							  AND partner_id = %d
							ORDER BY protection_ends_at, id LIMIT 5"""
						.formatted(partner));
			t0 = System.nanoTime();
			this.jdbc.sql("""
					INSERT INTO guidance_kind_summary (kind, as_of, shown, accepted, accepted_decided, accepted_met,
					                                   idle_decided, idle_met)
					SELECT kind, current_date, count(*), 0, 0, 0, 0, 0 FROM guidance_recommendation GROUP BY kind
					ON CONFLICT (kind) DO NOTHING""").update();
			out.add("summary written (once a day) in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
		}
		finally {
			Files.write(Path.of("target", "guidance-explain.txt"), out);
			out.forEach(System.out::println);
			for (var table : List.of("guidance_recommendation", "deal_registration")) {
				long from = "deal_registration".equals(table) ? regMarker : marker;
				long to = this.jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table).query(Long.class).single();
				for (long id = from; id < to; id += 20_000) {
					this.jdbc.sql("DELETE FROM " + table + " WHERE id > :a AND id <= :b")
						.param("a", id)
						.param("b", id + 20_000)
						.update();
				}
			}
		}
	}

	/** Inserts in chunks of 50,000 rows, each well within the statement timeout. */
	private void seed(String sql, int rows) {
		for (int from = 1; from <= rows; from += 50_000) {
			this.jdbc.sql(sql).param("from", from).param("to", Math.min(rows, from + 49_999)).update();
		}
	}

	private void explain(List<String> out, String title, String sql) {
		// warm once, then the measured plan
		this.jdbc.sql(sql).query().listOfRows();
		out.add("== " + title);
		out.addAll(this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list());
	}

}
