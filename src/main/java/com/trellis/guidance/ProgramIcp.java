package com.trellis.guidance;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.SettingVersions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's ideal customer profile as stored (table {@code guidance_icp}, one row at
 * most): read by each daily run, set by an admin, audited on each change. No row means no
 * ICP.
 */
@Service
class ProgramIcp {

	/** The ICP's name in {@link SettingVersions}. */
	private static final String SETTING = "guidance-icp";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final SettingVersions versions;

	ProgramIcp(JdbcClient jdbc, AuditLog audit, Clock clock, SettingVersions versions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.versions = versions;
	}

	/** The ICP's version: the API's ETag, the page form's {@code version}. */
	long version() {
		return this.versions.version(SETTING);
	}

	/** The ICP now: the stored one, or {@link Icp#NONE}. */
	@Transactional(readOnly = true)
	Icp current() {
		return stored().map(Settings::icp).orElse(Icp.NONE);
	}

	/** What a staff member may read: the stored ICP with who set it when. */
	@Transactional(readOnly = true)
	Settings view(Viewer viewer) {
		if (viewer.is(Role.PARTNER)) {
			throw new AccessDeniedException("Partners do not read the program's ICP");
		}
		return stored().orElse(new Settings(List.of(), List.of(), List.of(), null, null));
	}

	/**
	 * Sets the program's ICP (empty lists clear it); only an admin may. Bad values are
	 * refused naming each ({@link Icp#problems}) and change nothing; so does a save
	 * against an older version than {@code seen} (null: unchecked), as a conflict on
	 * {@code version}.
	 */
	@Transactional
	Settings set(Viewer viewer, List<String> industries, List<String> employeeBands, List<String> countries,
			Long seen) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only an admin sets the program's ICP");
		}
		var icp = Icp.of(industries, employeeBands, countries);
		this.versions.advance(SETTING, seen, viewer.userId() > 0 ? viewer.userId() : null,
				"the ideal customer profile");
		var before = stored().orElse(null);
		var now = this.clock.instant();
		this.jdbc
			.sql("""
					INSERT INTO guidance_icp (id, industries, employee_bands, countries, updated_at, updated_by)
					VALUES (true, :industries, :bands, :countries, :at, :by)
					ON CONFLICT (id) DO UPDATE SET industries = EXCLUDED.industries, employee_bands = EXCLUDED.employee_bands,
					    countries = EXCLUDED.countries, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
					""")
			.param("industries", icp.industries().toArray(String[]::new))
			.param("bands", icp.employeeBands().toArray(String[]::new))
			.param("countries", icp.countries().toArray(String[]::new))
			.param("at", Timestamp.from(now))
			.param("by", viewer.userId() > 0 ? viewer.userId() : null)
			.update();
		var after = stored().orElseThrow();
		this.audit.record(viewer.actor(), "guidance-icp", "program", "program ICP set",
				before == null ? null : before.values(), after.values());
		return after;
	}

	private Optional<Settings> stored() {
		return this.jdbc.sql("""
				SELECT i.industries, i.employee_bands, i.countries, i.updated_at, u.display_name
				FROM guidance_icp i LEFT JOIN app_user u ON u.id = i.updated_by
				""")
			.query((rs, n) -> new Settings(list(rs.getArray(1)),
					list(rs.getArray(2)).stream().sorted(com.trellis.shared.EmployeeBands.BY_SIZE).toList(),
					list(rs.getArray(3)), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.optional();
	}

	private static List<String> list(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/** The stored lists, when they were set and by whom (null before anyone set them). */
	record Settings(List<String> industries, List<String> employeeBands, List<String> countries, Instant updatedAt,
			String updatedBy) {

		Icp icp() {
			return Icp.of(this.industries, this.employeeBands, this.countries);
		}

		Values values() {
			return new Values(this.industries, this.employeeBands, this.countries);
		}

	}

	/** The audited lists. */
	record Values(List<String> industries, List<String> employeeBands, List<String> countries) {
	}

}
