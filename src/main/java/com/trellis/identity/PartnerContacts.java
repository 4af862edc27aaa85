package com.trellis.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.trellis.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's port for imported partner contacts: a contact becomes a
 * deactivated partner user (a random password nobody knows) whom the PAM then invites;
 * accepting the invitation opens the account ({@link PartnerAccounts#open}). A contact
 * imported again updates the user's name and job role. The caller checked the role, the
 * partner and every value; each write is audited. Neither the import nor this port ever
 * changes whether a user can sign in: that is the invitation's and the user
 * administration's (docs/decisions.md).
 */
@Service
public class PartnerContacts {

	private static final String COLUMNS = "id, email, display_name, role, manager_id, team, partner_id, job_role, enabled";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	PartnerContacts(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A user as a contact: who they are and whether they can sign in ({@code active}: an
	 * imported contact not yet invited, and a user an admin deactivated, are not).
	 */
	public record Contact(UserSummary user, boolean active) {
	}

	/** Whoever holds the e-mail (any case), vendor or partner user, enabled or not. */
	@Transactional(readOnly = true)
	public Optional<Contact> holder(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE lower(email) = lower(:email)")
			.param("email", email)
			.query((rs, n) -> contact(rs))
			.optional();
	}

	/**
	 * Every user of the partner, deactivated ones too (contacts imported but not yet
	 * invited, users who left), by name: what the partner's contacts export lists.
	 */
	@Transactional(readOnly = true)
	public List<Contact> ofPartner(long partnerId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_user WHERE partner_id = :partner ORDER BY display_name, lower(email)")
			.param("partner", partnerId)
			.query((rs, n) -> contact(rs))
			.list();
	}

	private static Contact contact(ResultSet rs) throws SQLException {
		return new Contact(
				new UserSummary(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
						Role.valueOf(rs.getString("role")), rs.getObject("manager_id", Long.class),
						rs.getString("team"), rs.getObject("partner_id", Long.class), rs.getString("job_role")),
				rs.getBoolean("enabled"));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(AuditLog.Actor actor, long partnerId, String email, String name, String jobRole) {
		var secret = this.passwords.encode(UUID.randomUUID() + "" + UUID.randomUUID());
		long id = this.jdbc
			.sql("""
					INSERT INTO app_user (email, display_name, password_hash, role, partner_id, job_role, enabled, created_at)
					VALUES (:email, :name, :hash, 'PARTNER', :partner, :jobRole, FALSE, :now) RETURNING id
					""")
			.param("email", email)
			.param("name", name)
			.param("hash", secret)
			.param("partner", partnerId)
			.param("jobRole", jobRole)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.audit.record(actor, "user", id, "imported as a partner contact (deactivated until invited)", null,
				contact(email, name, partnerId, jobRole));
		return id;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, UserSummary before, String name, String jobRole) {
		this.jdbc.sql("UPDATE app_user SET display_name = :name, job_role = :jobRole WHERE id = :id")
			.param("name", name)
			.param("jobRole", jobRole)
			.param("id", before.id())
			.update();
		this.audit.record(actor, "user", before.id(), "updated by contact import",
				contact(before.email(), before.displayName(), before.partnerId(), before.jobRole()),
				contact(before.email(), name, before.partnerId(), jobRole));
	}

	private static Map<String, Object> contact(String email, String name, long partnerId, String jobRole) {
		var values = new java.util.LinkedHashMap<String, Object>();
		values.put("email", email);
		values.put("name", name);
		values.put("partnerId", partnerId);
		values.put("jobRole", jobRole == null ? "" : jobRole);
		return values;
	}

}
