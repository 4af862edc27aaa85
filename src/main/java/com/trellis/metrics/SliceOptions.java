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
 * What a KPI breakdown can be picked from: the PAMs, partners and cohorts that exist (by
 * name, valued by id), the tiers, types and regions, onboarding quarters, verticals and
 * capabilities; a PAM is offered their own book only, a partner user nothing. A slice
 * whose value names nothing that exists is refused naming {@code sliceValue}, so a name
 * typed instead of picked never gives a page of silent zeros.
 */
@Component
class SliceOptions {

	private static final List<String> TIERS = List.of("TIER_1_INVEST", "TIER_2_EMERGING", "TIER_3_BASELINE");

	private static final List<String> TYPES = List.of("SI", "RESELLER", "ISV", "REFERRAL", "ADVISORY");

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

	/** The values of one slice kind the viewer may pick, by label. */
	record Group(Slice.Kind kind, String label, List<Option> options) {
	}

	List<Group> of(Viewer viewer) {
		var groups = new ArrayList<Group>();
		if (viewer.isPartnerUser()) {
			return groups;
		}
		var pam = viewer.is(Role.PAM) ? viewer.userId() : null;
		groups.add(group(Slice.Kind.PAM,
				pam != null ? List.of(new Option(String.valueOf(pam), viewer.name())) : rows(
						"SELECT CAST(id AS TEXT), display_name FROM app_user WHERE role = 'PAM' ORDER BY display_name",
						null)));
		groups.add(group(Slice.Kind.PARTNER,
				rows("SELECT CAST(p.id AS TEXT), p.name FROM partner p WHERE " + book() + " ORDER BY p.name", pam)));
		if (pam == null) {
			groups.add(group(Slice.Kind.TIER, coded(TIERS)));
			groups.add(group(Slice.Kind.TYPE, coded(TYPES)));
			groups.add(group(Slice.Kind.REGION, plain(values("SELECT DISTINCT region FROM partner ORDER BY 1", null))));
		}
		groups.add(group(Slice.Kind.COHORT,
				rows("SELECT CAST(id AS TEXT), name FROM cohort WHERE retired_at IS NULL ORDER BY name", null)));
		var quarters = new java.util.TreeSet<String>();
		values("SELECT DISTINCT CAST(p.onboarded_on AS TEXT) FROM partner p WHERE p.onboarded_on IS NOT NULL AND "
				+ book(), pam)
			.forEach(day -> quarters.add(this.calendar.quarterOf(java.time.LocalDate.parse(day)).label()));
		groups.add(group(Slice.Kind.ONBOARDING_QUARTER, plain(List.copyOf(quarters))));
		groups.add(group(Slice.Kind.VERTICAL, plain(
				values("SELECT DISTINCT unnest(p.verticals) FROM partner p WHERE " + book() + " ORDER BY 1", pam))));
		groups.add(group(Slice.Kind.CAPABILITY, plain(
				values("SELECT DISTINCT unnest(p.capabilities) FROM partner p WHERE " + book() + " ORDER BY 1", pam))));
		return groups;
	}

	/**
	 * Refuses, naming {@code sliceValue}, a slice whose value names no PAM, partner,
	 * cohort, tier, type, region, vertical or capability that exists (an onboarding
	 * quarter is read by {@link Slice#resolved}).
	 */
	void requireExisting(Slice slice) {
		var value = slice.value();
		boolean exists = switch (slice.kind()) {
			case PROGRAM, ONBOARDING_QUARTER -> true;
			case PAM -> any("SELECT count(*) FROM app_user WHERE role = 'PAM' AND id = CAST(:v AS BIGINT)", value);
			case PARTNER -> any("SELECT count(*) FROM partner WHERE id = CAST(:v AS BIGINT)", value);
			case COHORT -> any("SELECT count(*) FROM cohort WHERE id = CAST(:v AS BIGINT)", value);
			case TIER -> TIERS.contains(value);
			case TYPE -> TYPES.contains(value);
			case REGION -> any("SELECT count(*) FROM partner WHERE region = :v", value);
			case VERTICAL -> any("SELECT count(*) FROM partner WHERE :v = ANY (verticals)", value);
			case CAPABILITY -> any("SELECT count(*) FROM partner WHERE :v = ANY (capabilities)", value);
		};
		if (!exists) {
			var kind = this.labels.of(slice.kind());
			throw InvalidInputException.of("sliceValue",
					"no " + kind + " \"" + value + "\" exists; choose one from the list");
		}
	}

	private Group group(Slice.Kind kind, List<Option> options) {
		return new Group(kind, this.labels.of(kind), options);
	}

	private List<Option> coded(List<String> codes) {
		return codes.stream().map(c -> new Option(c, this.labels.of(c))).toList();
	}

	private static List<Option> plain(List<String> values) {
		return values.stream().map(v -> new Option(v, v)).toList();
	}

	private static String book() {
		return "(CAST(:pam AS BIGINT) IS NULL OR p.owner_pam_id = CAST(:pam AS BIGINT))";
	}

	private List<Option> rows(String sql, Long pam) {
		var spec = this.jdbc.sql(sql);
		if (sql.contains(":pam")) {
			spec = spec.param("pam", pam, java.sql.Types.BIGINT);
		}
		return spec.query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
	}

	private List<String> values(String sql, Long pam) {
		var spec = this.jdbc.sql(sql);
		if (sql.contains(":pam")) {
			spec = spec.param("pam", pam, java.sql.Types.BIGINT);
		}
		return spec.query(String.class).list();
	}

	private boolean any(String sql, String value) {
		return this.jdbc.sql(sql).param("v", value).query(Long.class).single() > 0;
	}

}
