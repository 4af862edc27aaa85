package com.trellis.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The administration's reads and writes of {@code app_user}. */
@Repository
class UserAdminRepository {

	private static final String SELECT = """
			SELECT u.id, u.email, u.display_name, u.role, u.team, u.manager_id, m.display_name AS manager_name,
			       u.job_role, u.partner_id, u.enabled, u.must_change_password, u.created_at
			FROM app_user u LEFT JOIN app_user m ON m.id = u.manager_id
			""";

	private static final String FILTER = """
			WHERE (CAST(:q AS TEXT) IS NULL OR u.display_name ILIKE :q OR u.email ILIKE :q OR u.team ILIKE :q)
			  AND (CAST(:role AS TEXT) IS NULL OR u.role = :role)
			  AND (CAST(:active AS BOOLEAN) IS NULL OR u.enabled = :active)
			  AND (:vendorOnly = FALSE OR u.role <> 'PARTNER')
			""";

	private final JdbcClient jdbc;

	UserAdminRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResult<UserAccount> search(UserFilter filter, PageRequest page) {
		var q = com.trellis.shared.ListSearch.pattern("q", filter.q());
		var role = filter.role() == null ? null : filter.role().name();
		long counted = this.jdbc.sql(PageRequest.countUpToLimit("FROM app_user u " + FILTER))
			.param("countLimit", page.countLimit())
			.param("q", q)
			.param("role", role)
			.param("active", filter.active())
			.param("vendorOnly", filter.vendorOnly())
			.query(Long.class)
			.single();
		var items = this.jdbc.sql(SELECT + FILTER + " ORDER BY u.display_name, u.id LIMIT :limit OFFSET :offset")
			.param("q", q)
			.param("role", role)
			.param("active", filter.active())
			.param("vendorOnly", filter.vendorOnly())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(UserAdminRepository::account)
			.list();
		return PageResult.counted(items, page, counted);
	}

	Optional<UserAccount> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE u.id = :id")
			.param("id", id)
			.query(UserAdminRepository::account)
			.optional();
	}

	/** Locks the user's row for a change. */
	Optional<UserAccount> findForUpdate(long id) {
		this.jdbc.sql("SELECT id FROM app_user WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		return find(id);
	}

	Optional<Long> idByEmail(String email) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query(Long.class)
			.optional();
	}

	/** The managers above a user, nearest first (stops at a cycle should one exist). */
	List<Long> managersAbove(long id) {
		return this.jdbc.sql("""
				WITH RECURSIVE up(id, depth) AS (
				  SELECT manager_id, 1 FROM app_user WHERE id = :id AND manager_id IS NOT NULL
				  UNION
				  SELECT u.manager_id, up.depth + 1 FROM app_user u JOIN up ON u.id = up.id
				  WHERE u.manager_id IS NOT NULL AND up.depth < 1000)
				SELECT id FROM up ORDER BY depth
				""").param("id", id).query(Long.class).list();
	}

	/**
	 * Serialises changes of who is active as an admin and of reporting lines, so two
	 * concurrent edits cannot both pass the "last admin" or "no cycle" checks.
	 */
	void lockAdministration() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identity.user-administration'))")
			.query((rs, n) -> 1)
			.list();
	}

	/** How many active users name {@code managerId} as their manager. */
	long activeReports(long managerId) {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE manager_id = :manager AND enabled")
			.param("manager", managerId)
			.query(Long.class)
			.single();
	}

	long activeAdmins() {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled")
			.query(Long.class)
			.single();
	}

	long insert(NewUser user, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO app_user (email, display_name, password_hash, role, manager_id, team, job_role,
				                      must_change_password, created_at)
				VALUES (:email, :name, :hash, :role, :manager, :team, :jobRole, TRUE, :now) RETURNING id
				""")
			.param("email", user.email())
			.param("name", user.displayName())
			.param("hash", user.passwordHash())
			.param("role", user.role().name())
			.param("manager", user.managerId())
			.param("team", user.team())
			.param("jobRole", user.jobRole())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void update(long id, UserCommand command) {
		this.jdbc.sql("""
				UPDATE app_user SET email = :email, display_name = :name, role = :role, manager_id = :manager,
				                    team = :team, job_role = :jobRole
				WHERE id = :id
				""")
			.param("email", command.email().strip())
			.param("name", command.displayName().strip())
			.param("role", command.role().name())
			.param("manager", command.managerId())
			.param("team", blankToNull(command.team()))
			.param("jobRole", blankToNull(command.jobRole()))
			.param("id", id)
			.update();
	}

	void setActive(long id, boolean active) {
		// deactivated by an admin: only an admin's reactivation lets them in again
		this.jdbc.sql("UPDATE app_user SET enabled = :active, deactivated_by_admin = NOT :active WHERE id = :id")
			.param("active", active)
			.param("id", id)
			.update();
	}

	/**
	 * What each request of a signed-in session re-reads: whether the user still may (not
	 * deactivated, their partner not sunset).
	 */
	Optional<SessionState> sessionState(long id) {
		return this.jdbc
			.sql("SELECT role, " + UserRepository.MAY_SIGN_IN
					+ " AS enabled, must_change_password, credentials_version FROM app_user WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SessionState(Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
					rs.getBoolean("must_change_password"), rs.getInt("credentials_version")))
			.optional();
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("team"), rs.getObject("manager_id", Long.class),
				rs.getString("manager_name"), rs.getString("job_role"), rs.getObject("partner_id", Long.class),
				rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
				rs.getTimestamp("created_at").toInstant());
	}

	record NewUser(String email, String displayName, String passwordHash, Role role, Long managerId, String team,
			String jobRole) {
	}

	record SessionState(Role role, boolean active, boolean mustChangePassword, int credentialsVersion) {
	}

}
