package com.trellis.metrics;

import java.util.ArrayList;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.Labels;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a KPI breakdown can be picked from: the PAMs and cohorts that exist (by name,
 * valued by id), the tiers, types and regions, onboarding quarters, verticals and
 * capabilities, and partners: the first {@value #PARTNER_OPTIONS} by name and the one
 * chosen, the others found by {@link #partners} (a search on the server, typed into the
 * picker: a program of 40,000 partners is never listed whole). The regions, verticals,
 * capabilities and onboarding quarters come from the distinct values the partner triggers
 * keep ({@code metrics_slice_value}, V170), one statement of a few rows, never a scan of
 * every partner. A PAM is offered their own book only, a partner user nothing. A slice
 * whose value names nothing that exists is refused naming {@code sliceValue}, so a name
 * typed instead of picked never gives a page of silent zeros.
 */
@Component
class SliceOptions {

	private static final List<String> TIERS = List.of("TIER_1_INVEST", "TIER_2_EMERGING", "TIER_3_BASELINE");

	private static final List<String> TYPES = List.of("SI", "RESELLER", "ISV", "REFERRAL", "ADVISORY");

	/** How many partners, or cohorts, the picker lists at once. */
	static final int PARTNER_OPTIONS = 50;

	/**
	 * Where the picker asks for the partners, and the cohorts, whose name holds a text.
	 */
	static final String PARTNER_SEARCH = "/metrics/slice-partners";

	static final String COHORT_SEARCH = "/metrics/slice-cohorts";

	/** The longest partner search accepted (characters). */
	static final int SEARCH_LENGTH = com.trellis.shared.ListSearch.MAX;

	private final JdbcClient jdbc;

	private final BusinessCalendar calendar;

	private final Labels labels;

	SliceOptions(JdbcClient jdbc, BusinessCalendar calendar, Labels labels) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.labels = labels;
	}

	/** One value a slice kind can take, with the words the picker shows. */
	record Option(String value, String label) {
	}

	/**
	 * The values of one slice kind the viewer may pick, by label; {@code search} is where
	 * the others are found when only the first are listed (null when all are).
	 */
	record Group(Slice.Kind kind, String label, List<Option> options, String search) {
	}

	/**
	 * The groups the viewer picks from; {@code chosen}, the slice shown, has its partner
	 * listed whatever its name.
	 */
	List<Group> of(Viewer viewer, Slice chosen) {
		var groups = new ArrayList<Group>();
		if (viewer.isPartnerUser()) {
			return groups;
		}
		var pam = viewer.is(Role.PAM) ? viewer.userId() : null;
		groups.add(group(Slice.Kind.PAM,
				pam != null ? List.of(new Option(String.valueOf(pam), viewer.name())) : rows(
						"SELECT CAST(id AS TEXT), display_name FROM app_user WHERE role = 'PAM' ORDER BY display_name",
						null)));
		var partners = new ArrayList<>(partners(viewer, null));
		// all listed: the picker narrows its own list, no note, no search on the server
		var partnerSearch = partners.size() < PARTNER_OPTIONS ? null : PARTNER_SEARCH;
		if (chosen != null && chosen.kind() == Slice.Kind.PARTNER
				&& partners.stream().noneMatch(o -> o.value().equals(chosen.value()))) {
			partners
				.addAll(0,
						rows("SELECT CAST(p.id AS TEXT), p.name FROM partner p WHERE p.id = CAST(:id AS BIGINT)"
								+ (pam == null ? "" : " AND p.owner_pam_id = CAST(:pam AS BIGINT)"), pam,
								chosen.value()));
		}
		groups.add(new Group(Slice.Kind.PARTNER, this.labels.of(Slice.Kind.PARTNER), partners, partnerSearch));
		var kept = kept(pam);
		if (pam == null) {
			groups.add(group(Slice.Kind.TIER, coded(TIERS)));
			groups.add(group(Slice.Kind.TYPE, coded(TYPES)));
			groups.add(group(Slice.Kind.REGION, plain(kept.getOrDefault("REGION", List.of()))));
		}
		var cohorts = new ArrayList<>(cohorts(viewer, null));
		var cohortSearch = cohorts.size() < PARTNER_OPTIONS ? null : COHORT_SEARCH;
		if (chosen != null && chosen.kind() == Slice.Kind.COHORT
				&& cohorts.stream().noneMatch(o -> o.value().equals(chosen.value()))) {
			cohorts.addAll(0, rows("SELECT CAST(id AS TEXT), name FROM cohort WHERE id = CAST(:id AS BIGINT)", null,
					chosen.value()));
		}
		groups.add(new Group(Slice.Kind.COHORT, this.labels.of(Slice.Kind.COHORT), cohorts, cohortSearch));
		var quarters = new java.util.TreeSet<String>();
		kept.getOrDefault("ONBOARDED_MONTH", List.of())
			.forEach(month -> quarters.add(this.calendar.quarterOf(java.time.LocalDate.parse(month)).label()));
		groups.add(group(Slice.Kind.ONBOARDING_QUARTER, plain(List.copyOf(quarters))));
		groups.add(group(Slice.Kind.VERTICAL, plain(kept.getOrDefault("VERTICAL", List.of()))));
		groups.add(group(Slice.Kind.CAPABILITY, plain(kept.getOrDefault("CAPABILITY", List.of()))));
		return groups;
	}

	/**
	 * Up to {@value #PARTNER_OPTIONS} partners the viewer may pick whose name contains
	 * {@code text} (any case; all when blank), by name: a PAM's own book only, nothing
	 * for a partner user. A text longer than {@value #SEARCH_LENGTH} characters is
	 * refused naming {@code q}.
	 */
	List<Option> partners(Viewer viewer, String text) {
		var pam = viewer.is(Role.PAM) ? viewer.userId() : null;
		// the name order index (lower(name), id) for the first page, the name's trigram
		// index for a search, the book's index for a PAM
		return firstByName(viewer, text, "partner", pam == null ? "TRUE" : "x.owner_pam_id = CAST(:pam AS BIGINT)",
				pam);
	}

	/**
	 * Up to {@value #PARTNER_OPTIONS} cohorts in use (not retired) whose name contains
	 * {@code text} (any case; all when blank), by name: a program of thousands of cohorts
	 * is never listed whole (issue 15: 1,561 options made most of the KPI page's time).
	 * Nothing for a partner user; a text longer than {@value #SEARCH_LENGTH} characters
	 * is refused naming {@code q}.
	 */
	List<Option> cohorts(Viewer viewer, String text) {
		return firstByName(viewer, text, "cohort", "x.retired_at IS NULL", null);
	}

	/**
	 * The first {@value #PARTNER_OPTIONS} rows of {@code table} (as {@code x}, with
	 * {@code id} and {@code name}) meeting {@code condition} (which may name
	 * {@code :pam}) whose name contains {@code text}, by name; nothing for a partner
	 * user, a text over {@value #SEARCH_LENGTH} characters refused naming {@code q}.
	 */
	private List<Option> firstByName(Viewer viewer, String text, String table, String condition, Long pam) {
		var contains = com.trellis.shared.ListSearch.pattern("q", text);
		if (viewer.isPartnerUser()) {
			return List.of();
		}
		var spec = this.jdbc.sql("SELECT CAST(x.id AS TEXT), x.name FROM " + table + " x WHERE " + condition
				+ (contains == null ? "" : " AND x.name ILIKE :contains") + " ORDER BY lower(x.name), x.id LIMIT "
				+ PARTNER_OPTIONS);
		if (pam != null) {
			spec = spec.param("pam", pam);
		}
		if (contains != null) {
			spec = spec.param("contains", contains);
		}
		return spec.query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
	}

	/** A LIKE pattern of names that contain {@code text}, null for a blank text. */
	/**
	 * Refuses, naming {@code sliceValue}, a slice whose value names no PAM, partner,
	 * cohort, tier, type, region, vertical or capability that exists, or an onboarding
	 * quarter (read by {@link Slice#resolved} first) in which no partner was onboarded.
	 */
	void requireExisting(Slice slice) {
		var value = slice.value();
		boolean exists = switch (slice.kind()) {
			case PROGRAM -> true;
			// a quarter in which some partner was onboarded (try02: 2100-Q4 answered
			// zeros)
			case ONBOARDING_QUARTER -> this.jdbc
				.sql("SELECT EXISTS (SELECT 1 FROM partner WHERE onboarded_on >= :from AND onboarded_on < :to)")
				.param("from", java.sql.Date.valueOf(slice.cohort().start()))
				.param("to", java.sql.Date.valueOf(slice.cohort().end()))
				.query(Boolean.class)
				.single();
			case PAM -> any("SELECT count(*) FROM app_user WHERE role = 'PAM' AND id = CAST(:v AS BIGINT)", value);
			case PARTNER -> any("SELECT count(*) FROM partner WHERE id = CAST(:v AS BIGINT)", value);
			case COHORT -> any("SELECT count(*) FROM cohort WHERE id = CAST(:v AS BIGINT)", value);
			case TIER -> TIERS.contains(value);
			case TYPE -> TYPES.contains(value);
			// some partner carries it: its program-wide row is kept (V170)
			case REGION, VERTICAL, CAPABILITY -> any("SELECT count(*) FROM metrics_slice_value WHERE kind = '"
					+ slice.kind().name() + "' AND pam = 0 AND value = :v", value);
		};
		if (!exists) {
			var kind = this.labels.of(slice.kind());
			throw InvalidInputException.of("sliceValue",
					"no " + kind + " \"" + com.trellis.shared.Quoted.of(value) + "\" exists; choose one from the list");
		}
	}

	/**
	 * The distinct regions, verticals, capabilities and onboarding months (each month's
	 * first day, {@code 2026-04-01}) of the viewer's partners, each kind's in order: the
	 * values kept by the partner triggers (V170; {@code pam} 0 holds the program's), one
	 * statement of a few rows instead of a scan of every partner per kind.
	 */
	private java.util.Map<String, List<String>> kept(Long pam) {
		var kept = new java.util.HashMap<String, List<String>>();
		this.jdbc
			.sql("SELECT kind, value FROM metrics_slice_value WHERE pam = :scope"
					+ (pam == null ? "" : " AND kind <> 'REGION'") + " ORDER BY kind, value")
			.param("scope", pam == null ? 0L : pam)
			.query((rs, n) -> kept.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
			.list();
		return kept;
	}

	private Group group(Slice.Kind kind, List<Option> options) {
		return new Group(kind, this.labels.of(kind), options, null);
	}

	private List<Option> coded(List<String> codes) {
		return codes.stream().map(c -> new Option(c, this.labels.of(c))).toList();
	}

	private static List<Option> plain(List<String> values) {
		return values.stream().map(v -> new Option(v, v)).toList();
	}

	private List<Option> rows(String sql, Long pam) {
		return rows(sql, pam, null);
	}

	private List<Option> rows(String sql, Long pam, String id) {
		var spec = this.jdbc.sql(sql);
		if (sql.contains(":pam")) {
			spec = spec.param("pam", pam, java.sql.Types.BIGINT);
		}
		if (sql.contains(":id")) {
			spec = spec.param("id", id);
		}
		return spec.query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
	}

	private boolean any(String sql, String value) {
		return this.jdbc.sql(sql).param("v", value).query(Long.class).single() > 0;
	}

}
