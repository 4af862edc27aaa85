package com.trellis.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGeneratorTest {

	private static final Instant NOW = Instant.parse("2026-03-15T10:30:00Z");

	private static final Instant TODAY = Instant.parse("2026-03-15T00:00:00Z");

	private static final DemoSize SMALL = new DemoSize(40, 8, 2, 200, 600, 4000);

	private static Tables tables;

	@BeforeAll
	static void generate() {
		tables = new Tables();
		generator(42).writeTo(tables);
	}

	@Test
	void sameSeedGivesTheSameEcosystem() {
		assertThat(fingerprint(42, NOW)).isEqualTo(fingerprint(42, NOW));
	}

	@Test
	void sameDayGivesTheSameEcosystemWhateverTheTime() {
		assertThat(fingerprint(42, NOW)).isEqualTo(fingerprint(42, NOW.plusSeconds(10_000)));
	}

	@Test
	void differentSeedGivesADifferentEcosystem() {
		assertThat(fingerprint(42, NOW)).isNotEqualTo(fingerprint(43, NOW));
	}

	@Test
	void ownersCallMostOpenDealsInTheCommitStageCommit() {
		var commitStage = tables.rows("opportunity")
			.stream()
			.filter(o -> "COMMIT".equals(o.get("stage")))
			.map(o -> o.get("id"))
			.toList();
		var calls = tables.rows("forecast_call").stream().map(c -> c.get("opportunity_id")).toList();
		assertThat(calls).isNotEmpty().isSubsetOf(commitStage).doesNotHaveDuplicates();
		assertThat(calls).hasSizeLessThan(commitStage.size());
	}

	@Test
	void writesTheRequestedNumberOfRows() {
		assertThat(tables.rows("partner")).hasSize(40);
		assertThat(tables.rows("account")).hasSize(200);
		assertThat(tables.rows("opportunity")).hasSize(600);
		assertThat(tables.rows("activity_event")).hasSize(4000);
		assertThat(users(u -> "AE".equals(u.get("role")))).hasSize(8);
		assertThat(users(u -> "SALES_MANAGER".equals(u.get("role")))).hasSize(2);
		assertThat(users(u -> "PAM".equals(u.get("role")))).hasSize(6);
	}

	@Test
	void wellKnownUsersComeFirst() {
		var users = tables.rows("app_user");
		assertThat(users.get(0)).containsEntry("id", 1L)
			.containsEntry("email", "admin@trellis.demo")
			.containsEntry("role", "ADMIN");
		assertThat(users.get(1)).containsEntry("email", "exec@trellis.demo").containsEntry("role", "EXECUTIVE");
		assertThat(users.get(2)).containsEntry("id", 3L)
			.containsEntry("email", "pam@trellis.demo")
			.containsEntry("display_name", "Priya Patel")
			.containsEntry("manager_id", 1L);
		var manager = user("manager@trellis.demo");
		assertThat(manager).containsEntry("display_name", "Sam Manager").containsEntry("manager_id", 2L);
		assertThat(user("ae@trellis.demo")).containsEntry("display_name", "Alex Rivera")
			.containsEntry("manager_id", manager.get("id"))
			.containsEntry("team", manager.get("team"));
		assertThat(tables.rows("app_user")).allSatisfy(u -> assertThat(u.get("password_hash")).isEqualTo("{noop}demo"));
	}

	@Test
	void demoPartnersHaveTheirUsersAndWonAndOpenDeals() {
		assertThat(user("partner@northwind.demo")).containsEntry("partner_id", 1L)
			.containsEntry("display_name", "Nora North");
		assertThat(user("partner@bluepeak.demo")).containsEntry("partner_id", 2L)
			.containsEntry("display_name", "Ben Peak");
		for (long partnerId : new long[] { 1, 2 }) {
			var partner = tables.rows("partner").get((int) partnerId - 1);
			assertThat(partner).containsEntry("lifecycle_status", "ACTIVE").containsEntry("owner_pam_id", 3L);
			var stages = tables.rows("opportunity")
				.stream()
				.filter(o -> Long.valueOf(partnerId).equals(o.get("partner_id")))
				.map(o -> (String) o.get("stage"))
				.toList();
			assertThat(stages).filteredOn("CLOSED_WON"::equals).hasSizeGreaterThanOrEqualTo(2);
			assertThat(stages).filteredOn(s -> !s.startsWith("CLOSED")).hasSizeGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void emailsAreUniqueIgnoringCase() {
		var emails = tables.rows("app_user").stream().map(u -> ((String) u.get("email")).toLowerCase(Locale.ROOT));
		assertThat(emails.collect(Collectors.toSet())).hasSize(tables.rows("app_user").size());
	}

	@Test
	void partnerDealsCarryACreditAndDirectDealsNone() {
		var deals = tables.rows("opportunity");
		assertThat(deals).allSatisfy(o -> {
			assertThat(o.get("partner_id") == null).isEqualTo(o.get("credit_type") == null);
			assertThat(o.get("partner_id") == null).isEqualTo(o.get("partner_share") == null);
			assertThat("SOURCED".equals(o.get("credit_type"))).isEqualTo("PARTNER".equals(o.get("source")));
		});
		long partnerDeals = deals.stream().filter(o -> o.get("partner_id") != null).count();
		assertThat(partnerDeals).isBetween(deals.size() * 30L / 100, deals.size() * 60L / 100);
	}

	@Test
	void dealsAreWonLostOpenAndSometimesSlipped() {
		var deals = tables.rows("opportunity");
		var today = LocalDate.of(2026, 3, 15);
		long won = deals.stream().filter(o -> "CLOSED_WON".equals(o.get("stage"))).count();
		long lost = deals.stream().filter(o -> "CLOSED_LOST".equals(o.get("stage"))).count();
		var open = deals.stream().filter(o -> !((String) o.get("stage")).startsWith("CLOSED")).toList();
		assertThat(won).isPositive();
		assertThat(lost).isPositive();
		assertThat(open).isNotEmpty();
		assertThat((double) won / (won + lost)).isBetween(0.22, 0.40);
		assertThat(open).anySatisfy(o -> assertThat((LocalDate) o.get("close_date")).isBefore(today));
		assertThat(deals).allSatisfy(o -> {
			BigDecimal amount = (BigDecimal) o.get("amount");
			assertThat(amount).isBetween(new BigDecimal("5000"), new BigDecimal("500000"));
			assertThat(((String) o.get("stage")).startsWith("CLOSED")).isEqualTo(o.get("closed_at") != null);
		});
	}

	@Test
	void stageHistoriesStartRegisteredMoveForwardAndEndInTheCurrentStage() {
		Map<Object, List<Map<String, Object>>> history = new LinkedHashMap<>();
		tables.rows("opportunity_stage_change")
			.forEach(c -> history.computeIfAbsent(c.get("opportunity_id"), k -> new ArrayList<>()).add(c));
		var order = List.of("REGISTERED", "QUALIFIED", "JOINT_WORKING", "COMMIT");
		assertThat(tables.rows("opportunity")).allSatisfy(o -> {
			var changes = history.get(o.get("id"));
			assertThat(changes.get(0).get("from_stage")).isNull();
			assertThat(changes.get(0).get("to_stage")).isEqualTo("REGISTERED");
			assertThat(changes.get(0).get("changed_at")).isEqualTo(o.get("created_at"));
			for (int i = 1; i < changes.size(); i++) {
				var change = changes.get(i);
				assertThat(change.get("from_stage")).isEqualTo(changes.get(i - 1).get("to_stage"));
				assertThat((Instant) change.get("changed_at")).isAfter((Instant) changes.get(i - 1).get("changed_at"));
				if (!((String) change.get("to_stage")).startsWith("CLOSED")) {
					assertThat(order.indexOf(change.get("to_stage"))).isEqualTo(i);
				}
			}
			var last = changes.get(changes.size() - 1);
			assertThat(last.get("to_stage")).isEqualTo(o.get("stage"));
			assertThat(last.get("changed_at")).isEqualTo(o.get("stage_entered_at"));
			assertThat(last.get("changed_by")).isEqualTo(o.get("owner_id"));
			assertThat((Instant) last.get("changed_at")).isBeforeOrEqualTo(TODAY);
		});
	}

	@Test
	void partnersGetDealsOnlyAfterOnboarding() {
		var partners = tables.rows("partner");
		assertThat(tables.rows("opportunity")).filteredOn(o -> o.get("partner_id") != null).allSatisfy(o -> {
			var partner = partners.get(((Long) o.get("partner_id")).intValue() - 1);
			assertThat(partner.get("onboarded_on")).isNotNull();
			var created = LocalDate.ofInstant((Instant) o.get("created_at"), java.time.ZoneOffset.UTC);
			assertThat(created).isAfterOrEqualTo((LocalDate) partner.get("onboarded_on"));
		});
	}

	@Test
	void lifecycleHistoryEndsInTheCurrentStatus() {
		Map<Object, List<Map<String, Object>>> history = new HashMap<>();
		tables.rows("partner_lifecycle_change")
			.forEach(c -> history.computeIfAbsent(c.get("partner_id"), k -> new ArrayList<>()).add(c));
		assertThat(tables.rows("partner")).allSatisfy(p -> {
			var changes = history.get(p.get("id"));
			assertThat(changes.get(0).get("from_status")).isNull();
			assertThat(changes.get(0).get("to_status")).isEqualTo("PROSPECT");
			assertThat(changes.get(changes.size() - 1).get("to_status")).isEqualTo(p.get("lifecycle_status"));
			assertThat(changes).allSatisfy(c -> assertThat(c.get("changed_by")).isEqualTo(p.get("owner_pam_id")));
			for (int i = 1; i < changes.size(); i++) {
				assertThat(changes.get(i).get("from_status")).isEqualTo(changes.get(i - 1).get("to_status"));
				assertThat((Instant) changes.get(i).get("changed_at"))
					.isAfterOrEqualTo((Instant) changes.get(i - 1).get("changed_at"));
			}
			assertThat(p.get("onboarded_on") == null)
				.isEqualTo(changes.stream().noneMatch(c -> "ONBOARDING".equals(c.get("to_status"))));
		});
		var statuses = tables.rows("partner").stream().map(p -> p.get("lifecycle_status")).collect(Collectors.toSet());
		assertThat(statuses).contains("ACTIVE", "DORMANT", "ONBOARDING");
	}

	@Test
	void dormantPartnersHaveBeenSilentForTwoMonths() {
		var dormant = new HashSet<>();
		tables.rows("partner")
			.stream()
			.filter(p -> "DORMANT".equals(p.get("lifecycle_status")))
			.forEach(p -> dormant.add(p.get("id")));
		assertThat(dormant).isNotEmpty();
		var twoMonthsAgo = TODAY.minusSeconds(60 * 86_400L);
		assertThat(tables.rows("activity_event")).filteredOn(e -> dormant.contains(e.get("partner_id")))
			.allSatisfy(e -> assertThat((Instant) e.get("occurred_at")).isBefore(twoMonthsAgo));
	}

	@Test
	void eventsBelongToThePartnersOwnUsers() {
		Map<Object, Object> partnerOfUser = new HashMap<>();
		tables.rows("app_user").forEach(u -> partnerOfUser.put(u.get("id"), u.get("partner_id")));
		assertThat(tables.rows("activity_event")).allSatisfy(e -> {
			if (e.get("user_id") != null) {
				assertThat(partnerOfUser.get(e.get("user_id"))).isEqualTo(e.get("partner_id"));
			}
			assertThat((Instant) e.get("occurred_at")).isBeforeOrEqualTo(TODAY);
		});
		assertThat(tables.rows("activity_event"))
			.anySatisfy(e -> assertThat(e.get("type")).isEqualTo("DEAL_REGISTERED"));
	}

	@Test
	void leadsAreRoutedAcceptedDeclinedAndFollowedUpSometimesLate() {
		var leads = tables.rows("partner_lead");
		assertThat(leads).hasSize(600 / 8);
		Map<Object, Object> partnerOfUser = new HashMap<>();
		tables.rows("app_user").forEach(u -> partnerOfUser.put(u.get("id"), u.get("partner_id")));
		assertThat(leads).allSatisfy(l -> {
			assertThat(partnerOfUser.get(l.get("submitted_by"))).isEqualTo(l.get("partner_id"));
			assertThat("SUBMITTED".equals(l.get("status"))).isEqualTo(l.get("rep_id") == null);
			assertThat(l.get("rep_id") == null).isEqualTo(l.get("follow_up_due_at") == null);
			assertThat("DECLINED".equals(l.get("status"))).isEqualTo(l.get("decline_reason") != null);
			assertThat((Instant) l.get("submitted_at")).isBeforeOrEqualTo(TODAY);
			if ("SUBMITTED".equals(l.get("status"))) {
				// a lead waiting to be routed came in within the last days
				assertThat((Instant) l.get("submitted_at")).as("waiting lead %s", l.get("company_name"))
					.isAfter(TODAY.minus(java.time.Duration.ofDays(LeadWriter.WAITING_DAYS + 1)));
			}
			if (l.get("first_follow_up_at") != null) {
				assertThat((Instant) l.get("first_follow_up_at")).isAfter((Instant) l.get("routed_at"))
					.isBeforeOrEqualTo(TODAY);
			}
		});
		var statuses = leads.stream().map(l -> l.get("status")).collect(Collectors.toSet());
		assertThat(statuses).contains("SUBMITTED", "ROUTED", "ACCEPTED", "DECLINED");
		long late = leads.stream()
			.filter(l -> l.get("first_follow_up_at") != null
					&& ((Instant) l.get("first_follow_up_at")).isAfter((Instant) l.get("follow_up_due_at")))
			.count();
		long inTime = leads.stream()
			.filter(l -> l.get("first_follow_up_at") != null
					&& !((Instant) l.get("first_follow_up_at")).isAfter((Instant) l.get("follow_up_due_at")))
			.count();
		assertThat(late).isPositive();
		assertThat(inTime).isGreaterThan(late * 2);
		assertThat(leads).anySatisfy(l -> assertThat(l.get("partner_id")).isEqualTo(1L));
	}

	@Test
	void theDemoFollowUpDeadlineSkipsTheWeekend() {
		long friday = Instant.parse("2026-11-20T15:00:00Z").getEpochSecond();
		assertThat(Instant.ofEpochSecond(LeadWriter.businessDaysLater(friday, 2, ZoneOffset.UTC)))
			.isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
	}

	@Test
	void everyDateTheDemoWritesIsTheBusinessDayOfItsMoment() {
		// Honolulu is ten hours behind UTC: a deal closed after 10:00 UTC closed on the
		// day before in the business zone
		var honolulu = java.time.ZoneId.of("Pacific/Honolulu");
		var written = new Tables();
		new DemoGenerator(42, SMALL, NOW, honolulu, "{noop}demo").writeTo(written);
		var closed = written.rows("opportunity").stream().filter(o -> o.get("closed_at") != null).toList();
		assertThat(closed).isNotEmpty()
			.anySatisfy(o -> assertThat(((Instant) o.get("closed_at")).atZone(java.time.ZoneOffset.UTC).getHour())
				.isGreaterThanOrEqualTo(10))
			.allSatisfy(o -> assertThat(o.get("close_date"))
				.isEqualTo(LocalDate.ofInstant((Instant) o.get("closed_at"), honolulu)));
		Map<Object, Instant> onboarding = new HashMap<>();
		written.rows("partner_lifecycle_change")
			.stream()
			.filter(c -> "ONBOARDING".equals(c.get("to_status")))
			.forEach(c -> onboarding.put(c.get("partner_id"), (Instant) c.get("changed_at")));
		var onboarded = written.rows("partner").stream().filter(p -> p.get("onboarded_on") != null).toList();
		assertThat(onboarded).isNotEmpty()
			.allSatisfy(p -> assertThat(p.get("onboarded_on"))
				.isEqualTo(LocalDate.ofInstant(onboarding.get(p.get("id")), honolulu)));
	}

	@Test
	void copyTextEscapesArraysTabsAndNulls() {
		assertThat(CopyText.line(1L, List.of("Financial services", "a\"b"), "x\ty", null, LocalDate.of(2026, 1, 2)))
			.isEqualTo("1\t{\"Financial services\",\"a\\\\\"b\"}\tx\\ty\t\\N\t2026-01-02\n");
	}

	private static List<Map<String, Object>> users(java.util.function.Predicate<Map<String, Object>> filter) {
		return tables.rows("app_user").stream().filter(filter).toList();
	}

	private static Map<String, Object> user(String email) {
		return tables.rows("app_user").stream().filter(u -> email.equals(u.get("email"))).findFirst().orElseThrow();
	}

	private static DemoGenerator generator(long seed) {
		return new DemoGenerator(seed, SMALL, NOW, ZoneOffset.UTC, "{noop}demo");
	}

	private static String fingerprint(long seed, Instant now) {
		var sink = new HashingSink();
		new DemoGenerator(seed, SMALL, now, ZoneOffset.UTC, "{noop}demo").writeTo(sink);
		return sink.fingerprint();
	}

	/** Keeps every row, by table, as column → value. */
	static final class Tables implements RowSink {

		private final Map<String, List<Map<String, Object>>> rows = new HashMap<>();

		List<Map<String, Object>> rows(String table) {
			return this.rows.getOrDefault(table, List.of());
		}

		@Override
		public Table table(String name, List<String> columns) {
			var target = this.rows.computeIfAbsent(name, k -> new ArrayList<>());
			return new Table() {

				@Override
				public void row(Object... values) {
					assertThat(values).hasSameSizeAs(columns);
					Map<String, Object> row = new HashMap<>();
					for (int i = 0; i < values.length; i++) {
						row.put(columns.get(i), values[i]);
					}
					target.add(row);
				}

				@Override
				public void close() {
				}

			};
		}

	}

}
