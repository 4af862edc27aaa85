package com.trellis.roi;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.trellis.identity.Role;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.FiscalQuarter;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style (fixed seed) for the kept invitations per quarter, partner and user
 * (V157 {@code roi_invite_fact}): after random sequences of co-sell requests and deal
 * attachments recorded (one or several per statement), answered, moved to another moment,
 * partner or user, deleted, attachments made by other paths or by no known user, and reps
 * becoming PAMs and back, the kept rows equal the invitations grouped per fiscal quarter
 * of their business month (computed here in Java), and the pull-through of every quarter
 * from the data's first to the current one (program, a PAM's book, one partner) equals
 * the statement that counted every invitation per request. Again after
 * {@code roi_invite_fact_rebuild()}, with another business zone and other fiscal quarters
 * (changes kept in them too), and after {@link RoiQuarterFacts} put the configured ones
 * back.
 */
@TrellisTest
class RoiInviteFactPropertyTests {

	private static final long SEED = 20261203L;

	/** The pull-through's statement before V157: every invitation of the quarter. */
	private static final String OLD_PULL_THROUGH = """
			WITH scope AS (
			    SELECT p.id, p.name, p.tier FROM partner p
			    WHERE (CAST(:scopePartner AS BIGINT) IS NULL OR p.id = :scopePartner)
			      AND (CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = :pam)
			),
			invites AS (
			    SELECT r.partner_id, r.requested_by AS rep, 1 AS request, 0 AS attachment FROM cosell_request r
			    JOIN scope s ON s.id = r.partner_id WHERE r.requested_at >= :from AND r.requested_at < :to
			    UNION ALL
			    SELECT a.partner_id, a.attached_by, 0, 1 FROM deal_partner_attachment a JOIN scope s ON s.id = a.partner_id
			    WHERE a.via = 'REP' AND a.attached_at >= :from AND a.attached_at < :to
			),
			invited AS (
			    SELECT i.partner_id, sum(i.request) AS requests, sum(i.attachment) AS attachments, count(*) AS invites,
			           count(DISTINCT i.rep) AS reps
			    FROM invites i JOIN app_user u ON u.id = i.rep AND u.role IN ('AE', 'SALES_MANAGER') GROUP BY i.partner_id
			)
			SELECT s.id, s.name, s.tier, i.requests, i.attachments, i.invites, i.reps
			FROM invited i JOIN scope s ON s.id = i.partner_id ORDER BY i.reps DESC, i.invites DESC, s.id LIMIT 200
			""";

	@Autowired
	VelocityRepository velocity;

	@Autowired
	RoiQuarterFacts quarterFacts;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	private final Map<String, Integer> done = new TreeMap<>();

	@Test
	void keptInvitationsEqualTheInvitationsAndThePullThroughTheOldStatement() {
		var random = new Random(SEED);
		var world = this.fixtures.world("Roi Invite Fact " + SEED);
		var partners = new ArrayList<>(List.of(world.partnerId()));
		for (int i = 1; i < 4; i++) {
			partners.add(this.fixtures.partner("Roi Invite Fact " + SEED + " " + i, world.pam().userId()));
		}
		var users = new ArrayList<>(List.of(world.ae().userId(), this.fixtures.user(Role.AE).userId(),
				this.fixtures.user(Role.SALES_MANAGER).userId(), world.pam().userId(),
				this.fixtures.user(Role.ADMIN).userId()));
		var first = this.calendar.currentQuarter().previous().previous();
		var from = this.calendar.start(first);
		long span = this.calendar.now().getEpochSecond() - from.getEpochSecond();
		var scopes = List.of(new RoiScope(null, null, null), new RoiScope(null, world.pam().userId(), null),
				new RoiScope(partners.get(1), null, null));
		var changes = new InviteChanges(this.jdbc, random, world, partners, users, from, span,
				() -> this.fixtures.partnerDeal(world.accountId(), world.ae().userId(), world.partnerId(), "1000.00"),
				this.done);
		for (int round = 0; round < 4; round++) {
			for (int step = 0; step < 40; step++) {
				changes.next();
			}
			assertKeptEqualTheInvitations("after round " + round);
			assertPullThroughAsBefore(first, scopes, "after round " + round);
		}
		assertThat(this.done).containsKeys("request", "requests", "answer", "move", "other partner", "other user",
				"delete requests", "attachment", "move attachment", "delete attachments", "role");
		this.jdbc.sql("SELECT roi_invite_fact_rebuild()").query().singleRow();
		assertKeptEqualTheInvitations("after the rebuild");
		try {
			this.jdbc.sql("UPDATE roi_quarter_setting SET zone = 'Pacific/Auckland', first_month = 2").update();
			this.jdbc.sql("SELECT roi_invite_fact_rebuild()").query().singleRow();
			assertKeptEqualTheInvitations("rebuilt in Auckland with quarters from February");
			for (int step = 0; step < 40; step++) {
				changes.next();
			}
			assertKeptEqualTheInvitations("changes in Auckland with quarters from February");
		}
		finally {
			// as at a start whose configuration differs from the set one
			this.quarterFacts.afterSingletonsInstantiated();
			this.jdbc.sql("UPDATE app_user SET role = 'AE' WHERE id = :id").param("id", users.get(1)).update();
		}
		RoiMonthStatements.assertKeptQuartersEqualTheMonths(this.jdbc, "back in the configured quarters");
		assertThat(this.jdbc.sql("SELECT zone FROM roi_quarter_setting").query(String.class).single())
			.isEqualTo(this.calendar.zone().getId());
		assertKeptEqualTheInvitations("back in the configured zone");
		assertPullThroughAsBefore(first, scopes, "back in the configured zone");
	}

	/**
	 * The kept rows equal the invitations grouped in Java by the set zone and quarters.
	 */
	private void assertKeptEqualTheInvitations(String when) {
		var setting = this.jdbc.sql("SELECT zone, first_month FROM roi_quarter_setting")
			.query((rs, n) -> new Object[] { ZoneId.of(rs.getString(1)), rs.getInt(2) })
			.single();
		var zone = (ZoneId) setting[0];
		int firstMonth = (int) setting[1];
		var expected = new TreeMap<String, long[]>();
		this.jdbc.sql("""
				SELECT requested_at, partner_id, requested_by, 1, 0 FROM cosell_request
				UNION ALL
				SELECT attached_at, partner_id, attached_by, 0, 1 FROM deal_partner_attachment
				WHERE via = 'REP' AND attached_by IS NOT NULL
				""").query((rs, n) -> {
			var month = LocalDate.ofInstant(rs.getTimestamp(1).toInstant(), zone).withDayOfMonth(1);
			var quarter = month.minusMonths(Math.floorMod(month.getMonthValue() - firstMonth, 3));
			var key = "%s %012d %012d".formatted(quarter, rs.getLong(2), rs.getLong(3));
			var counts = expected.computeIfAbsent(key, k -> new long[2]);
			counts[0] += rs.getInt(4);
			counts[1] += rs.getInt(5);
			return null;
		}).list();
		var kept = new TreeMap<String, List<Long>>();
		this.jdbc.sql("SELECT quarter, partner_id, rep_id, requests, attachments FROM roi_invite_fact")
			.query((rs, n) -> kept.put(
					"%s %012d %012d".formatted(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)),
					List.of(rs.getLong(4), rs.getLong(5))))
			.list();
		var wanted = new TreeMap<String, List<Long>>();
		expected.forEach((key, counts) -> wanted.put(key, List.of(counts[0], counts[1])));
		assertThat(kept).as("kept invitations " + when).isNotEmpty().containsExactlyEntriesOf(wanted);
		assertThat(this.jdbc.sql(PARTNER_COUNTS).query((rs, n) -> rowOf(rs)).list())
			.as("kept counts per quarter and partner " + when)
			.isNotEmpty()
			.containsExactlyElementsOf(this.jdbc.sql(PARTNER_COUNTS_GROUPED).query((rs, n) -> rowOf(rs)).list());
	}

	/** The kept counts per quarter and partner (V174). */
	private static final String PARTNER_COUNTS = """
			SELECT quarter, partner_id, requests, attachments, invites, reps FROM roi_invite_partner_fact
			ORDER BY quarter, partner_id
			""";

	/** The kept invitations per user grouped per quarter and partner, the reps' now. */
	private static final String PARTNER_COUNTS_GROUPED = """
			SELECT i.quarter, i.partner_id, sum(i.requests), sum(i.attachments), sum(i.requests + i.attachments), count(*)
			FROM roi_invite_fact i JOIN app_user u ON u.id = i.rep_id AND u.role IN ('AE', 'SALES_MANAGER')
			GROUP BY 1, 2 ORDER BY 1, 2
			""";

	private static List<Object> rowOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return List.of(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
				rs.getLong(6));
	}

	/** Every quarter's pull-through as the statement that read every invitation. */
	private void assertPullThroughAsBefore(FiscalQuarter first, List<RoiScope> scopes, String when) {
		var next = this.calendar.currentQuarter().next();
		boolean seen = false;
		for (var quarter = first.previous(); !quarter.equals(next); quarter = quarter.next()) {
			for (var scope : scopes) {
				var kept = this.velocity.pullThrough(scope, quarter.start());
				var old = this.jdbc.sql(OLD_PULL_THROUGH)
					.param("scopePartner", scope.partnerId())
					.param("pam", scope.pamId())
					.param("from", Timestamp.from(this.calendar.start(quarter)))
					.param("to", Timestamp.from(this.calendar.end(quarter)))
					.query((rs, n) -> new PullThrough(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
							rs.getLong(5), rs.getLong(6), rs.getLong(7)))
					.list();
				assertThat(kept).as(quarter.label() + " " + scope + " " + when).containsExactlyElementsOf(old);
				seen |= scope.pamId() != null && !kept.isEmpty();
			}
		}
		assertThat(seen).as("the PAM's book was pulled through " + when).isTrue();
	}

	/** The random changes of the invitations and the users' roles. */
	private record InviteChanges(JdbcClient jdbc, Random random, Fixtures.World world, List<Long> partners,
			List<Long> users, Instant from, long span, java.util.function.LongSupplier newDeal,
			Map<String, Integer> done) {

		void next() {
			var requests = this.jdbc.sql("SELECT id FROM cosell_request WHERE partner_id = ANY (:p) ORDER BY id")
				.param("p", this.partners.toArray(Long[]::new))
				.query(Long.class)
				.list();
			var attached = this.jdbc
				.sql("SELECT opportunity_id FROM deal_partner_attachment WHERE partner_id = ANY (:p) ORDER BY 1")
				.param("p", this.partners.toArray(Long[]::new))
				.query(Long.class)
				.list();
			int kind = this.random.nextInt(12);
			if (kind <= 2 || requests.isEmpty()) {
				int rows = kind == 0 ? 2 + this.random.nextInt(3) : 1;
				this.jdbc
					.sql("""
							INSERT INTO cosell_request (opportunity_id, deal_name, partner_id, requested_by, requested_at, ask,
							                            status,
							                            answered_by, answered_at)
							SELECT :deal, 'Invite fact', :partner, :by, t, 'Help', 'DECLINED', :by, t
							FROM generate_series(0, :extra) g CROSS JOIN LATERAL (
							    SELECT CAST(:at AS TIMESTAMPTZ) + g * interval '20 days' AS t) m
							""")
					.param("deal", this.world.dealId())
					.param("partner", partner())
					.param("by", user())
					.param("at", moment())
					.param("extra", rows - 1)
					.update();
				count(rows > 1 ? "requests" : "request");
			}
			else if (kind == 3) {
				this.jdbc.sql("UPDATE cosell_request SET answer = 'Seen' WHERE id = ANY (:ids)")
					.param("ids", some(requests))
					.update();
				count("answer");
			}
			else if (kind == 4) {
				this.jdbc.sql("UPDATE cosell_request SET requested_at = :at, answered_at = :at WHERE id = ANY (:ids)")
					.param("at", moment())
					.param("ids", some(requests))
					.update();
				count("move");
			}
			else if (kind == 5) {
				this.jdbc.sql("UPDATE cosell_request SET partner_id = :partner WHERE id = ANY (:ids)")
					.param("partner", partner())
					.param("ids", some(requests))
					.update();
				count("other partner");
			}
			else if (kind == 6) {
				this.jdbc.sql("UPDATE cosell_request SET requested_by = :by WHERE id = ANY (:ids)")
					.param("by", user())
					.param("ids", some(requests))
					.update();
				count("other user");
			}
			else if (kind == 7) {
				this.jdbc.sql("DELETE FROM cosell_request WHERE id = ANY (:ids)").param("ids", some(requests)).update();
				count("delete requests");
			}
			else if (kind == 8 || attached.isEmpty()) {
				attach();
			}
			else if (kind == 9) {
				this.jdbc.sql("""
						UPDATE deal_partner_attachment SET attached_at = :at, partner_id = :partner,
						       via = CASE WHEN via = 'REP' THEN 'ADMIN' ELSE 'REP' END WHERE opportunity_id = ANY (:ids)
						""").param("at", moment()).param("partner", partner()).param("ids", some(attached)).update();
				count("move attachment");
			}
			else if (kind == 10) {
				this.jdbc.sql("DELETE FROM deal_partner_attachment WHERE opportunity_id = ANY (:ids)")
					.param("ids", some(attached))
					.update();
				count("delete attachments");
			}
			else {
				this.jdbc.sql("""
						UPDATE app_user SET role = CASE WHEN role = 'AE' THEN 'PAM' ELSE 'AE' END
						WHERE id = :id AND role IN ('AE', 'PAM')
						""").param("id", this.users.get(1)).update();
				count("role");
			}
		}

		private void attach() {
			long deal = this.newDeal.getAsLong();
			var via = List.of("REP", "REP", "ADMIN", "REGISTRATION").get(this.random.nextInt(4));
			this.jdbc
				.sql("""
						INSERT INTO deal_partner_attachment (opportunity_id, partner_id, attached_by, attached_at, via, credit_type)
						VALUES (:deal, :partner, :by, :at, :via, 'CO_SELL')
						ON CONFLICT (opportunity_id) DO UPDATE SET partner_id = EXCLUDED.partner_id,
						    attached_by = EXCLUDED.attached_by, attached_at = EXCLUDED.attached_at, via = EXCLUDED.via
						""")
				.param("deal", deal)
				.param("partner", partner())
				.param("by", this.random.nextInt(6) == 0 ? null : user())
				.param("at", moment())
				.param("via", via)
				.update();
			count("attachment");
		}

		private long partner() {
			return this.partners.get(this.random.nextInt(this.partners.size()));
		}

		private long user() {
			return this.users.get(this.random.nextInt(this.users.size()));
		}

		/**
		 * A moment from two quarters back to now, often an hour around a month's start.
		 */
		private Timestamp moment() {
			var at = this.from.plusSeconds((long) (this.random.nextDouble() * this.span));
			if (this.random.nextInt(3) == 0) {
				var day = LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).withDayOfMonth(1);
				at = day.atStartOfDay(java.time.ZoneOffset.UTC)
					.toInstant()
					.plusSeconds(this.random.nextInt(14 * 3600) - 7 * 3600);
			}
			return Timestamp.from(at.isBefore(this.from) ? this.from : at);
		}

		private Long[] some(List<Long> ids) {
			var some = new ArrayList<Long>();
			for (int i = 0; i <= this.random.nextInt(3); i++) {
				some.add(ids.get(this.random.nextInt(ids.size())));
			}
			return some.toArray(Long[]::new);
		}

		private void count(String change) {
			this.done.merge(change, 1, Integer::sum);
		}

	}

}
