package com.trellis.metrics;

import java.math.BigDecimal;
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
 * Each drill-down that reads only its page's rows (V187, {@link KpiDealRecords}) lists
 * the same rows in the same order as the former statement that sorted every record and
 * cut the list ({@link KpiRecordsPageReference}, the former SQL with the id breaking the
 * ties it left open), at limits that cut inside each group of the order and at the page's
 * limit: random deals (fixed seed) with equal amounts, amounts that round to the same
 * value, unknown amounts and a currency without a rate, equal close and creation moments,
 * partners of equal names in two books, activity before and after the as-of moment,
 * registrations of equal duration and partner users holding their track or not. A page
 * that starts further on ({@code offset}) holds the former list's rows from there up to
 * its end, and the records counted (in full, or only up to a bound) are the former
 * list's.
 */
@TrellisTest
@TestPropertySource(properties = "trellis.demo.enabled=false")
class KpiRecordsPageTests {

	private static final Period QUARTER = Period.until(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 7, 1));

	private static final String[] STAGES = { "CLOSED_WON", "CLOSED_WON", "CLOSED_LOST", "QUALIFIED", "COMMIT" };

	private static final String[] CREDITS = { "SOURCED", "INFLUENCED", "CO_SELL" };

	private static final String[] AMOUNTS = { "1000", "1000.0010", "1000.0040", "999.9990", "2500", "777.7770", "0" };

	private static final String[] CURRENCIES = { "USD", "EUR", "EUR", "SEK" };

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
	void everyDrillDownsPageEqualsTheFormerSortOfAllItsRecords() {
		var random = new Random(187);
		var ae = this.fixtures.user(Role.AE);
		var pams = List.of(this.fixtures.user(Role.PAM), this.fixtures.user(Role.PAM));
		long account = this.fixtures.account("Page records customer", "page-records.example", ae.userId());
		var partners = new ArrayList<Long>();
		for (int i = 0; i < 10; i++) {
			// two partners of each name: the name alone does not order them
			long id = this.fixtures.partner("Page records partner " + (i / 2), pams.get(i % 2).userId());
			this.jdbc.sql("UPDATE partner SET onboarded_on = CAST(? AS DATE), lifecycle_status = 'ACTIVE' WHERE id = ?")
				.params(LocalDate.of(2018, 1 + random.nextInt(12), 1 + random.nextInt(28)), id)
				.update();
			partners.add(id);
			if (i % 3 != 0) {
				// activity in the 30 days before the quarter's end, or only after it
				activity(id, LocalDate.of(2019, 6, 1 + random.nextInt(29)));
			}
			if (i % 3 != 1) {
				activity(id, LocalDate.of(2019, 7, 1 + random.nextInt(28)));
			}
			var user = this.fixtures.user(Role.PARTNER, id, null);
			this.jdbc.sql("UPDATE app_user SET job_role = ?, display_name = ? WHERE id = ?")
				.params(i % 2 == 0 ? "AE" : "SE", "Page records user " + (i / 3), user.userId())
				.update();
			for (var item : i % 4 == 0 ? List.of("AE-101", "AE-201", "AE-CERT") : List.of("SE-101")) {
				complete(user.userId(), id, item);
			}
		}
		for (int i = 0; i < 260; i++) {
			Long partner = random.nextInt(4) == 0 ? null : partners.get(random.nextInt(partners.size()));
			var stage = STAGES[random.nextInt(STAGES.length)];
			var created = LocalDate.of(2019, 3, 1).plusDays(random.nextInt(100));
			var closed = created.plusDays(1 + random.nextInt(40));
			long id = deal(account, ae.userId(), partner,
					partner == null ? null : CREDITS[random.nextInt(CREDITS.length)],
					CURRENCIES[random.nextInt(CURRENCIES.length)], AMOUNTS[random.nextInt(AMOUNTS.length)], stage,
					created, stage.startsWith("CLOSED") ? closed : null);
			if (random.nextInt(12) == 0) {
				this.jdbc.sql("UPDATE opportunity SET amount_unknown = TRUE WHERE id = ?").param(id).update();
			}
		}
		for (int i = 0; i < 40; i++) {
			registration(partners.get(random.nextInt(partners.size())), ae.userId(),
					LocalDate.of(2019, 3, 20).plusDays(random.nextInt(90)), 1 + random.nextInt(5));
		}
		var slices = List.of(Slice.PROGRAM, new Slice(Slice.Kind.PAM, String.valueOf(pams.get(0).userId())),
				new Slice(Slice.Kind.PARTNER, String.valueOf(partners.get(3))));
		var reference = new KpiRecordsPageReference(this.counting);
		var quarter = QUARTER.at(this.clock.instant(), this.calendar.zone());
		int compared = 0;
		for (var slice : slices) {
			for (var code : KpiRecordsPageReference.CODES) {
				for (int limit : new int[] { 1, 4, 13, 40, KpiRecords.LIMIT }) {
					var sql = reference.sql(code, slice);
					var expected = KpiStatements.bind(this.jdbc.sql(sql), quarter, slice)
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
					var actual = this.records.of(code, quarter, slice, limit).stream().map(row -> {
						var kept = new LinkedHashMap<>(row);
						kept.remove("currency");
						kept.remove("amountUnknown");
						return kept;
					}).toList();
					assertThat(actual).as(slice + " " + code + " at " + limit).isEqualTo(expected);
					compared++;
					// a page from further on: the same rows as the former list from there
					for (int offset : limit < 13 ? new int[0] : new int[] { 3, 12 }) {
						var page = this.records.of(code, quarter, slice, offset, limit, false).stream().map(row -> {
							var kept = new LinkedHashMap<>(row);
							kept.remove("currency");
							kept.remove("amountUnknown");
							return kept;
						}).toList();
						assertThat(page).as(slice + " " + code + " from " + offset + " to " + limit)
							.isEqualTo(expected.subList(Math.min(offset, expected.size()), expected.size()));
					}
					if (limit == KpiRecords.LIMIT) {
						// every record, not the first LIMIT: the shared database may hold
						// more
						int all = KpiStatements.bind(this.jdbc.sql(sql), quarter, slice)
							.param("limit", Integer.MAX_VALUE)
							.query((rs, n) -> 1)
							.list()
							.size();
						assertThat(this.records.count(code, quarter, slice, Long.MAX_VALUE, false))
							.as(slice + " " + code + " counted")
							.isEqualTo(all);
						assertThat(this.records.count(code, quarter, slice, 5, false))
							.as(slice + " " + code + " up to 5")
							.isEqualTo(Math.min(5, expected.size()));
					}
				}
			}
		}
		assertThat(compared).isEqualTo(slices.size() * KpiRecordsPageReference.CODES.size() * 5);
	}

	private void activity(long partner, LocalDate day) {
		this.jdbc.sql("INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (?, 'PORTAL_LOGIN', ?)")
			.params(partner, java.sql.Timestamp.from(day.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC)))
			.update();
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

	private long deal(long account, long owner, Long partner, String credit, String currency, String amount,
			String stage, LocalDate created, LocalDate closed) {
		return this.jdbc
			.sql("""
					INSERT INTO opportunity (account_id, name, amount, currency, stage, owner_id, source, partner_id, credit_type,
					    partner_share, stage_entered_at, created_at, closed_at, updated_at)
					VALUES (?, 'Page records deal', ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ),
					        CAST(? AS TIMESTAMPTZ), now())
					RETURNING id
					""")
			.params(account, new BigDecimal(amount), currency, stage, owner,
					"SOURCED".equals(credit) ? "PARTNER" : "DIRECT", partner, credit, partner == null ? null : 20,
					created + "T09:00:00Z", created + "T09:00:00Z", closed == null ? null : closed + "T15:00:00Z")
			.query(Long.class)
			.single();
	}

	private void registration(long partner, long registeredBy, LocalDate submitted, int hours) {
		this.jdbc
			.sql("""
					INSERT INTO deal_registration (partner_id, registered_by, customer_name, customer_need, amount, currency,
					    expected_close_date, credit_type, partner_share, status, submitted_at, approved_at)
					VALUES (?, ?, 'Page records customer', 'a confirmed need', 10000, 'USD', '2019-12-31', 'SOURCED', 20,
					        'APPROVED', CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ) + make_interval(hours => ?))
					""")
			.params(partner, registeredBy, submitted + "T08:00:00Z", submitted + "T08:00:00Z", hours)
			.update();
	}

}
