package com.trellis.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.trellis.identity.Role;
import com.trellis.shared.CountingWins;
import com.trellis.shared.ReportingCurrency;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed): after each of 12 rounds of random changes to partner users
 * and partners (users added, renamed, given another job role or none, moved to another
 * partner, made vendor users, removed; partners renamed, one or several at once, to names
 * other partners have), the kept labels of V215 equal a recomputation from
 * {@code app_user} and {@code partner}, and the program's enablement records read from
 * them equal the former sort of every user ({@link KpiRecordsPageReference}) at limits
 * that cut inside each group, with equal labels whose id breaks the tie.
 */
@TrellisTest
@TestPropertySource(properties = "trellis.demo.enabled=false")
class EnablementUserLabelPropertyTests {

	private static final long SEED = 20261203L;

	private static final int ROUNDS = 12;

	private static final String[] JOB_ROLES = { "AE", "SE", "AE", null };

	private static final String[] ITEMS = { "AE-101", "AE-201", "AE-CERT", "SE-101" };

	private static final String KEPT = "SELECT user_id, job_role, label FROM enablement_user_label ORDER BY user_id";

	private static final String RECOMPUTED = """
			SELECT u.id AS user_id, u.job_role, u.display_name || ' (' || p.name || ', ' || u.job_role || ')' AS label
			FROM app_user u JOIN partner p ON p.id = u.partner_id
			WHERE u.role = 'PARTNER' AND u.job_role IS NOT NULL ORDER BY u.id""";

	private static final Period QUARTER = Period.until(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 7, 1));

	@Autowired
	KpiRecords records;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CountingWins counting;

	@Autowired
	java.time.Clock clock;

	@Autowired
	com.trellis.shared.BusinessCalendar calendar;

	@Test
	void keptLabelsAndTheProgramsEnablementRecordsFollowEveryChange() {
		var random = new Random(SEED);
		var pam = this.fixtures.user(Role.PAM);
		var partners = new ArrayList<Long>();
		for (int i = 0; i < 6; i++) {
			partners.add(this.fixtures.partner("Label partner " + (i % 3), pam.userId()));
		}
		var users = new ArrayList<Long>();
		int compared = 0;
		for (int round = 0; round < ROUNDS; round++) {
			for (int change = 0; change < 10; change++) {
				change(random, partners, users);
			}
			assertThat(this.jdbc.sql(KEPT).query().listOfRows()).as("round " + round)
				.isEqualTo(this.jdbc.sql(RECOMPUTED).query().listOfRows());
			compared += compareRecords(round);
		}
		assertThat(users).hasSizeGreaterThan(20);
		assertThat(compared).isEqualTo(ROUNDS * 4);
	}

	private void change(Random random, List<Long> partners, List<Long> users) {
		long partner = partners.get(random.nextInt(partners.size()));
		int kind = users.size() < 6 ? 0 : random.nextInt(8);
		long user = users.isEmpty() ? 0 : users.get(random.nextInt(users.size()));
		switch (kind) {
			case 0, 1 -> {
				long id = this.fixtures.user(Role.PARTNER, partner, null).userId();
				this.jdbc.sql("UPDATE app_user SET job_role = ?, display_name = ? WHERE id = ?")
					.params(JOB_ROLES[random.nextInt(JOB_ROLES.length)], "Label user " + random.nextInt(3), id)
					.update();
				for (var item : ITEMS) {
					if (random.nextBoolean()) {
						complete(id, partner, item);
					}
				}
				users.add(id);
			}
			case 2 -> this.jdbc.sql("UPDATE app_user SET display_name = ? WHERE id = ?")
				.params("Label user " + random.nextInt(3), user)
				.update();
			case 3 -> this.jdbc.sql("UPDATE app_user SET job_role = ? WHERE id = ?")
				.params(JOB_ROLES[random.nextInt(JOB_ROLES.length)], user)
				.update();
			// several users at once: a new partner and display name
			case 4 -> this.jdbc.sql("""
					UPDATE app_user SET partner_id = CASE WHEN role = 'PARTNER' THEN ? END,
					       display_name = display_name || ' x' WHERE id = ANY (?) AND length(display_name) < 30""")
				.params(partner, users.subList(0, 1 + random.nextInt(users.size())).toArray(Long[]::new))
				.update();
			case 5 -> {
				if (random.nextBoolean()) {
					this.jdbc.sql("UPDATE app_user SET role = 'AE', partner_id = NULL WHERE id = ?")
						.param(user)
						.update();
				}
				else {
					this.jdbc.sql("DELETE FROM enablement_completion WHERE user_id = ?").param(user).update();
					this.jdbc.sql("DELETE FROM app_user WHERE id = ?").param(user).update();
					users.remove(Long.valueOf(user));
				}
			}
			case 6 -> this.jdbc.sql("UPDATE partner SET name = ? WHERE id = ?")
				.params("Label partner " + random.nextInt(4), partner)
				.update();
			// several partners at once, some to the name they have
			default -> this.jdbc
				.sql("UPDATE partner SET name = CASE WHEN id % 2 = 0 THEN name ELSE name || 'y' END "
						+ "WHERE id = ANY (?) AND length(name) < 20")
				.param(partners.subList(0, 1 + random.nextInt(partners.size())).toArray(Long[]::new))
				.update();
		}
	}

	private int compareRecords(int round) {
		var quarter = QUARTER.at(this.clock.instant(), this.calendar.zone());
		var sql = new KpiRecordsPageReference(this.counting).sql("ENABLEMENT_COMPLETION", Slice.PROGRAM);
		int compared = 0;
		for (int limit : new int[] { 1, 3, 17, KpiRecords.LIMIT }) {
			var expected = KpiStatements.bind(this.jdbc.sql(sql), quarter, Slice.PROGRAM)
				.param("limit", limit)
				.query((rs, n) -> {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("kind", rs.getString("kind"));
					row.put("id", rs.getLong("id"));
					row.put("side", rs.getString("side"));
					row.put("label", rs.getString("label"));
					var value = rs.getBigDecimal("value");
					row.put("value", value == null ? null : ReportingCurrency.round(value));
					row.put("counted", rs.getBoolean("counted"));
					return row;
				})
				.list();
			var actual = this.records.of("ENABLEMENT_COMPLETION", quarter, Slice.PROGRAM, limit).stream().map(row -> {
				var kept = new LinkedHashMap<>(row);
				kept.remove("currency");
				kept.remove("amountUnknown");
				return kept;
			}).toList();
			assertThat(actual).as("round " + round + " at " + limit).isEqualTo(expected);
			compared++;
		}
		return compared;
	}

	private void complete(long user, long partner, String item) {
		this.jdbc
			.sql("""
					INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source, recorded_by,
					    recorded_at)
					SELECT i.id, ?, ?, DATE '2019-02-01', NULL, 'ADMIN', ?, now() FROM enablement_item i WHERE i.code = ?
					""")
			.params(user, partner, user, item)
			.update();
	}

}
