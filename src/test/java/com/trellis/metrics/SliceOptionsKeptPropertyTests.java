package com.trellis.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.support.CountedStatements;
import com.trellis.support.Fixtures;
import com.trellis.support.TrellisTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The breakdown picker's regions, verticals, capabilities and onboarding quarters read
 * from the kept distinct values (V170) equal the former scans of every partner, for the
 * admin and for each PAM's book (a partner user is offered nothing), after each step of a
 * fixed-seed random sequence of partner inserts (several in one statement, duplicate and
 * empty arrays, no onboarding day), updates (each column the lists derive from, a PAM's
 * book handed over, unrelated columns, whole books at once) and deletes; the kept table
 * also equals its rebuild, and a value is accepted as a slice exactly while a partner
 * carries it. Rolled back: other tests read the demo's partners.
 */
@TrellisTest
class SliceOptionsKeptPropertyTests {

	private static final long SEED = 20261202L;

	private static final int STEPS = 160;

	private static final List<String> REGIONS = List.of("EMEA", "APAC", "North America", "LATAM", "Nordics");

	private static final List<String> WORDS = List.of("Retail", "Energy", "Healthcare", "Cloud migration", "Data",
			"Security", "Édition", "zeta", "Alpha");

	@Autowired
	SliceOptions options;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessCalendar calendar;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void thePickersKeptListsEqualTheFormerScansAfterEveryRandomPartnerChange() {
		new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			var random = new Random(SEED);
			var pams = List.of(this.fixtures.user(Role.PAM), this.fixtures.user(Role.PAM),
					this.fixtures.user(Role.PAM));
			var viewers = new ArrayList<Viewer>(pams);
			viewers.add(this.fixtures.user(Role.ADMIN));
			viewers.add(this.fixtures.user(Role.SALES_MANAGER));
			var partners = new ArrayList<Long>();
			var seen = new TreeSet<String>();
			for (int step = 0; step < STEPS; step++) {
				change(random, pams, partners);
				if (step % 8 == 7 || step == STEPS - 1) {
					for (var viewer : viewers) {
						var expected = former(viewer);
						assertThat(kept(viewer)).as("step %d, %s", step, viewer.role()).isEqualTo(expected);
						expected.values().forEach(seen::addAll);
					}
					assertThat(keptRows()).as("step %d: the table against its rebuild", step)
						.isEqualTo(rebuilt(status));
					acceptedExactlyWhileCarried(step);
				}
			}
			assertThat(seen).as("values offered along the way").contains("Nordics", "Édition", "zeta");
			var partnerUser = this.fixtures.user(Role.PARTNER, partners.get(0), null);
			assertThat(this.options.of(partnerUser, null)).isEmpty();
			status.setRollbackOnly();
		});
	}

	/**
	 * The picker's lists are read in four statements for an admin (PAMs, the first
	 * partners, the kept values, cohorts) and three for a PAM; a scan of every partner
	 * per list made them seven and five.
	 */
	@Test
	void thePickersListsAreAFewStatements() {
		var admin = this.fixtures.user(Role.ADMIN);
		var pam = this.fixtures.user(Role.PAM);
		assertThat(CountedStatements.of(this.dataSource, () -> this.options.of(admin, null)).statements()).isEqualTo(4);
		assertThat(CountedStatements.of(this.dataSource, () -> this.options.of(pam, null)).statements()).isEqualTo(3);
	}

	/** One random change to the generated partners. */
	private void change(Random random, List<Viewer> pams, List<Long> partners) {
		int kind = partners.size() < 6 ? 0 : random.nextInt(10);
		long partner = partners.isEmpty() ? 0 : partners.get(random.nextInt(partners.size()));
		switch (kind) {
			// up to three in one statement (a statement trigger over several rows)
			case 0, 1 -> partners.addAll(insert(random, pams, 1 + random.nextInt(3)));
			case 2 -> set(partner, "region = :v", pick(random, REGIONS));
			case 3 -> set(partner, "verticals = CAST(:v AS TEXT[])", array(random));
			case 4 -> set(partner, "capabilities = CAST(:v AS TEXT[])", array(random));
			case 5 -> set(partner, "onboarded_on = CAST(:v AS DATE)", day(random));
			case 6 -> set(partner, "owner_pam_id = CAST(:v AS BIGINT)", String.valueOf(pick(random, pams).userId()));
			case 7 -> {
				// unrelated columns, or the same values again: nothing moves
				set(partner, random.nextBoolean() ? "name = name || 'x'" : "region = region, verticals = verticals",
						null);
			}
			case 8 -> this.jdbc
				.sql("UPDATE partner SET verticals = verticals || CAST(:v AS TEXT[]), region = :r, owner_pam_id = :to"
						+ " WHERE owner_pam_id = :from")
				.param("v", array(random))
				.param("r", pick(random, REGIONS))
				.param("to", pick(random, pams).userId())
				.param("from", pick(random, pams).userId())
				.update();
			default -> {
				this.jdbc.sql("DELETE FROM partner WHERE id = :id").param("id", partner).update();
				partners.remove(partner);
			}
		}
	}

	private List<Long> insert(Random random, List<Viewer> pams, int n) {
		var sql = new StringBuilder("""
				INSERT INTO partner (name, type, region, verticals, capabilities, onboarded_on, owner_pam_id,
				                     lifecycle_status, tier, created_at, updated_at) VALUES """);
		var spec = new ArrayList<Object[]>();
		for (int i = 0; i < n; i++) {
			sql.append(i == 0 ? "" : ", ")
				.append("('Kept option partner', 'SI', :r%1$d, CAST(:v%1$d AS TEXT[]), CAST(:c%1$d AS TEXT[]),"
					.formatted(i))
				.append(" CAST(:d%1$d AS DATE), :p%1$d, 'ACTIVE', 'TIER_2_EMERGING', now(), now())".formatted(i));
			spec.add(new Object[] { pick(random, REGIONS), array(random), array(random), day(random),
					pick(random, pams).userId() });
		}
		var statement = this.jdbc.sql(sql + " RETURNING id");
		for (int i = 0; i < n; i++) {
			var row = spec.get(i);
			statement = statement.param("r" + i, row[0])
				.param("v" + i, row[1])
				.param("c" + i, row[2])
				.param("d" + i, row[3], java.sql.Types.VARCHAR)
				.param("p" + i, row[4]);
		}
		return statement.query(Long.class).list();
	}

	private void set(long partner, String assignment, String value) {
		var spec = this.jdbc.sql("UPDATE partner SET " + assignment + " WHERE id = :id").param("id", partner);
		if (value != null || assignment.contains(":v")) {
			spec = spec.param("v", value, java.sql.Types.VARCHAR);
		}
		spec.update();
	}

	/** A text array literal: empty, one word, or a few with repeats. */
	private static String array(Random random) {
		int n = random.nextInt(4);
		var words = new ArrayList<String>();
		for (int i = 0; i < n; i++) {
			words.add("\"" + pick(random, WORDS) + "\"");
		}
		return "{" + String.join(",", words) + "}";
	}

	/** An onboarding day from 2019 to 2027, or none. */
	private static String day(Random random) {
		return random.nextInt(6) == 0 ? null : LocalDate.of(2019, 1, 1).plusDays(random.nextInt(365 * 9)).toString();
	}

	private static <T> T pick(Random random, List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	/** The viewer's four lists as the picker offers them, by kind. */
	private Map<Slice.Kind, List<String>> kept(Viewer viewer) {
		var lists = new LinkedHashMap<Slice.Kind, List<String>>();
		for (var group : this.options.of(viewer, null)) {
			if (List.of(Slice.Kind.REGION, Slice.Kind.VERTICAL, Slice.Kind.CAPABILITY, Slice.Kind.ONBOARDING_QUARTER)
				.contains(group.kind())) {
				lists.put(group.kind(), group.options().stream().map(SliceOptions.Option::value).toList());
			}
		}
		return lists;
	}

	/** The former scans of every partner (a PAM's: their book; no regions for a PAM). */
	private Map<Slice.Kind, List<String>> former(Viewer viewer) {
		var book = viewer.is(Role.PAM) ? "p.owner_pam_id = " + viewer.userId() : "TRUE";
		var lists = new LinkedHashMap<Slice.Kind, List<String>>();
		if (!viewer.is(Role.PAM)) {
			lists.put(Slice.Kind.REGION, values("SELECT DISTINCT region FROM partner ORDER BY 1"));
		}
		var quarters = new TreeSet<String>();
		values("SELECT DISTINCT CAST(p.onboarded_on AS TEXT) FROM partner p WHERE p.onboarded_on IS NOT NULL AND "
				+ book)
			.forEach(day -> quarters.add(this.calendar.quarterOf(LocalDate.parse(day)).label()));
		lists.put(Slice.Kind.ONBOARDING_QUARTER, List.copyOf(quarters));
		lists.put(Slice.Kind.VERTICAL,
				values("SELECT DISTINCT unnest(p.verticals) FROM partner p WHERE " + book + " ORDER BY 1"));
		lists.put(Slice.Kind.CAPABILITY,
				values("SELECT DISTINCT unnest(p.capabilities) FROM partner p WHERE " + book + " ORDER BY 1"));
		return lists;
	}

	/**
	 * Every value the former scans found is accepted as a slice; one just gone is
	 * refused.
	 */
	private void acceptedExactlyWhileCarried(int step) {
		for (var region : values("SELECT DISTINCT region FROM partner")) {
			this.options.requireExisting(new Slice(Slice.Kind.REGION, region));
		}
		for (var word : WORDS) {
			boolean carried = !values(
					"SELECT 'yes' FROM partner WHERE '" + word.replace("'", "''") + "' = ANY (verticals) LIMIT 1")
				.isEmpty();
			var slice = new Slice(Slice.Kind.VERTICAL, word);
			if (carried) {
				this.options.requireExisting(slice);
			}
			else {
				assertThatThrownBy(() -> this.options.requireExisting(slice)).as("step %d, %s", step, word)
					.isInstanceOf(InvalidInputException.class);
			}
		}
	}

	private List<String> keptRows() {
		return values(
				"SELECT kind || '|' || pam || '|' || value || '|' || partners FROM metrics_slice_value ORDER BY 1");
	}

	/** The table's rebuild, read and undone (a savepoint rolled back). */
	private List<String> rebuilt(org.springframework.transaction.TransactionStatus status) {
		var savepoint = status.createSavepoint();
		this.jdbc.sql("SELECT metrics_slice_value_rebuild()").query().singleRow();
		var rows = keptRows();
		status.rollbackToSavepoint(savepoint);
		return rows;
	}

	private List<String> values(String sql) {
		return this.jdbc.sql(sql).query(String.class).list();
	}

}
