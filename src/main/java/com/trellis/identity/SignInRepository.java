package com.trellis.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes to a user's sign-in: the password hash, and partner users opened from an
 * invitation.
 */
@Repository
class SignInRepository {

	private final JdbcClient jdbc;

	SignInRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user's sign-in row, {@code enabled} read as whether they may sign in. */
	private static final String ACCOUNT = """
			SELECT id, email, display_name, role, partner_id, %s AS enabled, password_hash, must_change_password,
			       deactivated_by_admin FROM app_user
			""".formatted(UserRepository.MAY_SIGN_IN);

	/** The user with this e-mail (any case), locked until the transaction ends. */
	Optional<Account> lockByEmail(String email) {
		return this.jdbc.sql(ACCOUNT + "WHERE lower(email) = lower(:email) FOR UPDATE")
			.param("email", email)
			.query((rs, n) -> account(rs))
			.optional();
	}

	Optional<Account> find(long id) {
		return this.jdbc.sql(ACCOUNT + "WHERE id = :id").param("id", id).query((rs, n) -> account(rs)).optional();
	}

	Optional<Account> lock(long id) {
		return this.jdbc.sql(ACCOUNT + "WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> account(rs))
			.optional();
	}

	/**
	 * Sets a password the user chose themselves; a one-time password they held is gone
	 * with it.
	 */
	/**
	 * Sets the password; the user's credentials version moves on, so their other sessions
	 * end ({@link SessionChecks}).
	 * @return the new credentials version
	 */
	int setPassword(long id, String hash) {
		return this.jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, must_change_password = FALSE,
				       credentials_version = credentials_version + 1
				WHERE id = :id RETURNING credentials_version""")
			.param("hash", hash)
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Replaces the password by a one-time password the user must replace at the next
	 * sign-in; their other sessions end ({@link SessionChecks}).
	 */
	void setOneTimePassword(long id, String hash) {
		this.jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, must_change_password = TRUE,
				       credentials_version = credentials_version + 1
				WHERE id = :id""").param("hash", hash).param("id", id).update();
	}

	long insertPartnerUser(long partnerId, String email, String name, String hash, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO app_user (email, display_name, password_hash, role, partner_id, enabled, created_at)
				VALUES (:email, :name, :hash, 'PARTNER', :partner, TRUE, :now) RETURNING id
				""")
			.param("email", email)
			.param("name", name)
			.param("hash", hash)
			.param("partner", partnerId)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Opens a deactivated partner user again with a new name and password. */
	void reopenPartnerUser(long id, String name, String hash) {
		this.jdbc.sql("""
				UPDATE app_user SET display_name = :name, password_hash = :hash, enabled = TRUE,
				  must_change_password = FALSE WHERE id = :id
				""").param("name", name).param("hash", hash).param("id", id).update();
	}

	private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getObject("partner_id", Long.class), rs.getBoolean("enabled"),
				rs.getString("password_hash"), rs.getBoolean("must_change_password"),
				rs.getBoolean("deactivated_by_admin"));
	}

	record Account(long id, String email, String name, Role role, Long partnerId, boolean enabled, String passwordHash,
			boolean mustChangePassword, boolean deactivatedByAdmin) {

		com.trellis.audit.AuditLog.Actor actor() {
			return new com.trellis.audit.AuditLog.Actor(this.id, this.name);
		}

	}

}
