package com.trellis.scoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily run reads every partner's records for several cut-offs in one pass per kind
 * of record; each partner's readings must be what reading its records for it alone, one
 * cut-off at a time, gives (the computation the run used before), and a record after a
 * cut-off must change nothing as of it.
 */
@TrellisTest
class OnePassReadingsTests {

	@Autowired
	ReadingsLoader loader;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Test
	void everyPartnersReadingsFromOnePassEqualThoseReadForEachPartnerAloneAtEachCutOff() {
		var today = this.calendar.today();
		var cutoff = today.minusDays(45);
		long partner = edgePartner(cutoff);
		var days = List.of(today, cutoff, today.minusDays(200));
		var onePass = this.loader.at(days, today);
		// the demo's first 60 partners (every kind of history) and the hand-built one
		var ids = this.jdbc.sql("SELECT id FROM partner WHERE id <= 60 OR id = :edge ORDER BY id")
			.param("edge", partner)
			.query(Long.class)
			.list();
		assertThat(ids).contains(partner);
		int compared = 0;
		for (var day : days) {
			var end = this.loader.asOf(day).end();
			long existing = this.jdbc.sql("SELECT count(*) FROM partner WHERE created_at < :end")
				.param("end", Timestamp.from(end))
				.query(Long.class)
				.single();
			assertThat(onePass.get(day)).as("partners scored as of " + day).hasSize((int) existing);
			for (long id : ids) {
				var alone = this.loader.onePartnerAt(id, day);
				var read = onePass.get(day).get(id);
				if (alone == null) {
					assertThat(read).as("partner " + id + " did not exist on " + day).isNull();
					continue;
				}
				assertThat(read).as("partner " + id + " as of " + day).isNotNull();
				assertThat(read.volume()).as("record volume of partner " + id + " as of " + day)
					.isEqualTo(alone.volume());
				for (var entry : alone.readings().entrySet()) {
					var got = read.readings().get(entry.getKey());
					var what = entry.getKey() + " of partner " + id + " as of " + day;
					assertThat(got.value()).as(what).isEqualTo(entry.getValue().value());
					if (day.equals(today)) {
						assertThat(got.reason()).as(what).isEqualTo(entry.getValue().reason());
					}
				}
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(ids.size());
		var edge = onePass.get(cutoff).get(partner).readings();
		assertThat(edge.get("certified-delivery-staff").value()).as("the certification recorded after the cut-off")
			.isEqualByComparingTo("1");
		assertThat(edge.get("field-interactions").value())
			.as("33 interactions and meetings of the last 90 days and the one answer given before the cut-off")
			.isEqualByComparingTo("11.33");
	}

	@Test
	void recordsAfterACutOffChangeNothingAsOfItInTheSamePass() {
		var today = this.calendar.today();
		var cutoff = today.minusDays(45);
		long partner = edgePartner(cutoff);
		var before = this.loader.at(List.of(cutoff, today), today);
		var end = this.loader.asOf(cutoff).end();
		var pam = this.fixtures.user(Role.PAM);
		long deal = this.fixtures.partnerDeal(this.fixtures.account("After Cut-off", null, pam.userId()), pam.userId(),
				partner, "1000.00");
		for (int i = 0; i < 5; i++) {
			event(partner, "AE_INTERACTION", end.plus(Duration.ofHours(1 + i)));
			event(partner, "CO_SELL_MEETING", end.plusSeconds(i));
		}
		ask(partner, deal, end.plus(Duration.ofMinutes(1)), end.plus(Duration.ofHours(2)));
		var after = this.loader.at(List.of(cutoff, today), today);

		assertThat(values(after.get(cutoff).get(partner))).isEqualTo(values(before.get(cutoff).get(partner)));
		assertThat(after.get(cutoff).get(partner).volume()).isEqualTo(before.get(cutoff).get(partner).volume());
		assertThat(after.get(today).get(partner).readings().get("field-interactions").value())
			.as("today sees the interactions after the cut-off")
			.isGreaterThan(before.get(today).get(partner).readings().get("field-interactions").value());
	}

	/**
	 * A partner with records on both sides of each window's edge around {@code cutoff}:
	 * activity 29 and 30 days back (and 119/120, 364/365), a co-sell request answered
	 * just after the cut-off, a certification completed before it but recorded after, a
	 * delivery member who joined after it, and a deal won just after it.
	 */
	private long edgePartner(LocalDate cutoff) {
		var pam = this.fixtures.user(Role.PAM);
		long partner = this.fixtures.partner("Edge Partners", pam.userId());
		this.jdbc.sql("UPDATE partner SET created_at = :at WHERE id = :p")
			.param("at", Timestamp.from(this.calendar.startOf(cutoff.minusDays(500))))
			.param("p", partner)
			.update();
		var end = this.loader.asOf(cutoff).end();
		for (int back : new int[] { 0, 29, 30, 89, 90, 119, 120, 364, 365, 399, 400 }) {
			var day = this.calendar.startOf(cutoff.minusDays(back)).plus(Duration.ofHours(10));
			for (int i = 0; i < (back < 30 ? 10 : 1); i++) {
				event(partner, back % 2 == 0 ? "CO_SELL_MEETING" : "TRAINING_COMPLETED", day.plusSeconds(i));
				event(partner, "PORTAL_LOGIN", day.plusSeconds(i));
				event(partner, "AE_INTERACTION", day.plusSeconds(i));
			}
		}
		for (int i = 0; i < 4; i++) {
			event(partner, "PORTAL_LOGIN", this.calendar.startOf(cutoff.minusDays(60)).plusSeconds(i));
		}
		event(partner, "PLAY_USED", end.minusSeconds(1));
		event(partner, "PLAY_USED", end);
		var engineer = this.fixtures.user(Role.PARTNER, partner, null);
		var late = this.fixtures.user(Role.PARTNER, partner, null);
		this.jdbc.sql("UPDATE app_user SET job_role = 'SE', created_at = :at WHERE id = :u")
			.param("at", Timestamp.from(end.minus(Duration.ofDays(90))))
			.param("u", engineer.userId())
			.update();
		this.jdbc.sql("UPDATE app_user SET job_role = 'CSM', created_at = :at WHERE id = :u")
			.param("at", Timestamp.from(end.plusSeconds(1)))
			.param("u", late.userId())
			.update();
		long item = certification();
		completion(item, engineer.userId(), partner, cutoff.minusDays(20), end.minusSeconds(5));
		completion(item, late.userId(), partner, cutoff.minusDays(10), end.plusSeconds(5));
		long deal = this.fixtures.partnerDeal(this.fixtures.account("Edge customer", null, pam.userId()), pam.userId(),
				partner, "5000.00");
		this.jdbc.sql("UPDATE opportunity SET created_at = :at WHERE id = :d")
			.param("at", Timestamp.from(end.minus(Duration.ofDays(100))))
			.param("d", deal)
			.update();
		stage(deal, "QUALIFIED", end.minus(Duration.ofDays(100)));
		stage(deal, "CLOSED_WON", end.plusSeconds(1));
		ask(partner, deal, end.minus(Duration.ofDays(5)), end.plusSeconds(1));
		ask(partner, deal, end.minus(Duration.ofDays(6)), end.minusSeconds(1));
		ask(partner, deal, end.minus(Duration.ofDays(180)), end.minus(Duration.ofDays(170)));
		ask(partner, deal, end.minus(Duration.ofDays(400)), end.minus(Duration.ofDays(399)));
		return partner;
	}

	private void event(long partner, String type, Instant at) {
		this.jdbc.sql("INSERT INTO activity_event (partner_id, type, occurred_at) VALUES (:p, :t, :at)")
			.param("p", partner)
			.param("t", type)
			.param("at", Timestamp.from(at))
			.update();
	}

	private void ask(long partner, long deal, Instant at, Instant answered) {
		var ae = this.fixtures.user(Role.AE);
		this.jdbc.sql("""
				INSERT INTO cosell_request (opportunity_id, deal_name, partner_id, requested_by, requested_at, ask,
				                            status, answered_by, answered_at, answer)
				VALUES (:d, 'Edge deal', :p, :ae, :at, 'Help?', 'ACCEPTED', :ae, :answered, 'Yes')
				""")
			.param("d", deal)
			.param("p", partner)
			.param("ae", ae.userId())
			.param("at", Timestamp.from(at))
			.param("answered", Timestamp.from(answered))
			.update();
	}

	private void stage(long deal, String stage, Instant at) {
		this.jdbc
			.sql("INSERT INTO opportunity_stage_change (opportunity_id, to_stage, changed_at) VALUES (:d, :s, :at)")
			.param("d", deal)
			.param("s", stage)
			.param("at", Timestamp.from(at))
			.update();
	}

	private long certification() {
		var track = this.jdbc.sql("""
				INSERT INTO enablement_track (role, name) VALUES ('SE', 'Solutions engineers')
				ON CONFLICT (role) DO UPDATE SET name = enablement_track.name RETURNING id
				""").query(Long.class).single();
		return this.jdbc.sql("""
				INSERT INTO enablement_item (track_id, code, kind, name, validity_days)
				VALUES (:t, :code, 'CERTIFICATION', 'Edge certification', 365) RETURNING id
				""").param("t", track).param("code", "EDGE-" + System.nanoTime()).query(Long.class).single();
	}

	private void completion(long item, long user, long partner, LocalDate on, Instant recorded) {
		this.jdbc.sql("""
				INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source,
				                                   recorded_by, recorded_at)
				VALUES (:i, :u, :p, :on, :expires, 'ADMIN', :u, :at)
				""")
			.param("i", item)
			.param("u", user)
			.param("p", partner)
			.param("on", on)
			.param("expires", on.plusDays(365))
			.param("at", Timestamp.from(recorded))
			.update();
	}

	private static Map<String, Object> values(PartnerReadings readings) {
		var result = new java.util.TreeMap<String, Object>();
		readings.readings().forEach((key, reading) -> result.put(key, reading.value()));
		return result;
	}

}
