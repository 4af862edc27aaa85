package com.trellis.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	static final String COLUMNS = "id, email, display_name, role, manager_id, team, partner_id, job_role";

	/**
	 * Whether the {@code app_user} row's partner has left the program (lifecycle
	 * {@code SUNSET}, which is final): its users may no longer sign in, their sessions
	 * end and their API tokens are refused. Read from the partner's row each time, so no
	 * partner path (page, API, import, the dormancy sunset) has to remember it.
	 */
	static final String PARTNER_ENDED = "EXISTS (SELECT 1 FROM partner p WHERE p.id = app_user.partner_id"
			+ " AND p.lifecycle_status = 'SUNSET')";

	/**
	 * Whether the {@code app_user} row may sign in: enabled, and its partner (if any) not
	 * sunset. A reset link is neither sent to nor opened by anyone else (s57, try76: a
	 * sunset partner's user still got one).
	 */
	static final String MAY_SIGN_IN = "enabled AND NOT " + PARTNER_ENDED;

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Credentials> credentials(String email) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", password_hash, enabled, " + PARTNER_ENDED
					+ " AS partner_ended FROM app_user WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query((rs, n) -> credentials(rs))
			.optional();
	}

	Optional<UserSummary> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
			.param("id", id)
			.query(UserRepository::summary)
			.optional();
	}

	/**
	 * The user, their row locked until the transaction ends (one hand-over at a time).
	 */
	Optional<UserSummary> findLocked(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id FOR NO KEY UPDATE")
			.param("id", id)
			.query(UserRepository::summary)
			.optional();
	}

	Optional<UserSummary> findEnabled(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id AND enabled")
			.param("id", id)
			.query(UserRepository::summary)
			.optional();
	}

	/**
	 * A user by id, enabled or not, and a partner's enabled users (by display name), in
	 * one statement.
	 */
	Users.Recipients recipients(Long userId, Long partnerId) {
		var user = new UserSummary[1];
		var userEnabled = new boolean[1];
		var partnerUsers = new java.util.ArrayList<UserSummary>();
		this.jdbc
			.sql("SELECT " + COLUMNS
					+ """
							, enabled, id = CAST(:user AS BIGINT) AS asked, partner_id = CAST(:partner AS BIGINT) AND enabled AS contact
							FROM app_user WHERE id = CAST(:user AS BIGINT) OR partner_id = CAST(:partner AS BIGINT) AND enabled
							ORDER BY display_name, id
							""")
			.param("user", userId)
			.param("partner", partnerId)
			.query(rs -> {
				var summary = summary(rs, 0);
				if (rs.getBoolean("asked")) {
					user[0] = summary;
					userEnabled[0] = rs.getBoolean("enabled");
				}
				if (rs.getBoolean("contact")) {
					partnerUsers.add(summary);
				}
			});
		return new Users.Recipients(Optional.ofNullable(user[0]), userEnabled[0], List.copyOf(partnerUsers));
	}

	java.util.Set<Long> enabledAmong(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Set.of();
		}
		return java.util.Set
			.copyOf(this.jdbc.sql("SELECT id FROM app_user WHERE id = ANY (CAST(:ids AS BIGINT[])) AND enabled")
				.param("ids", ids.toArray(Long[]::new))
				.query(Long.class)
				.list());
	}

	List<UserSummary> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		// one array parameter: a list of parameters stops at the protocol's 65,535
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ANY (CAST(:ids AS BIGINT[]))")
			.param("ids", ids.toArray(Long[]::new))
			.query(UserRepository::summary)
			.list();
	}

	List<UserSummary> byRole(Role role) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_user WHERE role = :role AND enabled ORDER BY display_name")
			.param("role", role.name())
			.query(UserRepository::summary)
			.list();
	}

	List<UserSummary> enabledVendor() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_user WHERE partner_id IS NULL AND enabled ORDER BY display_name, id")
			.query(UserRepository::summary)
			.list();
	}

	List<UserSummary> ofPartner(long partnerId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE partner_id = :partnerId ORDER BY display_name")
			.param("partnerId", partnerId)
			.query(UserRepository::summary)
			.list();
	}

	List<UserSummary> enabledOfPartner(long partnerId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_user WHERE partner_id = :partnerId AND enabled ORDER BY display_name")
			.param("partnerId", partnerId)
			.query(UserRepository::summary)
			.list();
	}

	List<Long> directReportsOf(long managerId) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE manager_id = :managerId ORDER BY id")
			.param("managerId", managerId)
			.query(Long.class)
			.list();
	}

	/**
	 * The nearest active user above this one (the hierarchy has no cycles; the depth is
	 * bounded all the same).
	 */
	Optional<Long> activeManagerOf(long userId) {
		return this.jdbc.sql("""
				WITH RECURSIVE up (id, enabled, depth) AS (
				    SELECT m.id, m.enabled, 1 FROM app_user u JOIN app_user m ON m.id = u.manager_id WHERE u.id = :user
				    UNION ALL
				    SELECT m.id, m.enabled, up.depth + 1 FROM up JOIN app_user x ON x.id = up.id
				    JOIN app_user m ON m.id = x.manager_id WHERE NOT up.enabled AND up.depth < 50)
				SELECT id FROM up WHERE enabled ORDER BY depth LIMIT 1
				""").param("user", userId).query(Long.class).optional();
	}

	List<Long> moveReports(long fromManagerId, long toManagerId) {
		return this.jdbc.sql("UPDATE app_user SET manager_id = :to WHERE manager_id = :from RETURNING id")
			.param("to", toManagerId)
			.param("from", fromManagerId)
			.query(Long.class)
			.list();
	}

	List<Long> reportsOf(long managerId) {
		return this.jdbc.sql("""
				WITH RECURSIVE tree AS (
				  SELECT id FROM app_user WHERE manager_id = :managerId
				  UNION SELECT u.id FROM app_user u JOIN tree t ON u.manager_id = t.id)
				SELECT id FROM tree ORDER BY id
				""").param("managerId", managerId).query(Long.class).list();
	}

	/** Adds a vendor user who cannot sign in (no usable password, not enabled). */
	long insertDeactivated(String email, String displayName, Role role, String passwordHash, java.time.Instant now) {
		return this.jdbc.sql("""
				INSERT INTO app_user (email, display_name, password_hash, role, enabled, created_at)
				VALUES (:email, :name, :hash, :role, FALSE, :now) RETURNING id
				""")
			.param("email", email)
			.param("name", displayName)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("now", java.sql.Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Credentials from a row with {@link #COLUMNS}, {@code password_hash} and
	 * {@code enabled}.
	 */
	static Credentials credentials(ResultSet rs) throws SQLException {
		return new Credentials(summary(rs, 0), rs.getString("password_hash"), rs.getBoolean("enabled"),
				rs.getBoolean("partner_ended"));
	}

	private static UserSummary summary(ResultSet rs, int row) throws SQLException {
		return new UserSummary(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getObject("manager_id", Long.class), rs.getString("team"),
				rs.getObject("partner_id", Long.class), rs.getString("job_role"));
	}

	/**
	 * A user's sign-in credentials: {@code enabled} false when an admin or the user's
	 * partner deactivated them, {@code partnerEnded} when their partner left the program.
	 */
	record Credentials(UserSummary user, String passwordHash, boolean enabled, boolean partnerEnded) {

		/** Whether the user may sign in or use an API token. */
		boolean maySignIn() {
			return this.enabled && !this.partnerEnded;
		}

	}

}
