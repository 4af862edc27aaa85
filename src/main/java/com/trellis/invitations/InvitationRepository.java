package com.trellis.invitations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.trellis.identity.OneTimeLink;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvitationRepository {

	private static final String COLUMNS = """
			id, partner_id, partner_name, email, display_name, invited_by, created_at, sent_at, expires_at, sends,
			accepted_at, revoked_at, user_id""";

	private final JdbcClient jdbc;

	InvitationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long partnerId, String partnerName, String email, String name, long invitedBy, OneTimeLink.Issued link,
			Instant now) {
		return this.jdbc.sql("""
				INSERT INTO partner_invitation (partner_id, partner_name, email, display_name, token_hash, invited_by,
				                                created_at, sent_at, expires_at)
				VALUES (:partner, :partnerName, :email, :name, :hash, :by, :now, :now, :expires) RETURNING id
				""")
			.param("partner", partnerId)
			.param("partnerName", partnerName)
			.param("email", email)
			.param("name", name)
			.param("hash", link.hash())
			.param("by", invitedBy)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(link.expiresAt()))
			.query(Long.class)
			.single();
	}

	/** The open (not accepted, not revoked) invitation for an e-mail, locked. */
	Optional<Stored> lockOpenFor(String email) {
		return openFor(email, " FOR UPDATE");
	}

	/**
	 * The open invitation for an e-mail, as it is now (for checks that change nothing).
	 */
	Optional<Stored> findOpenFor(String email) {
		return openFor(email, "");
	}

	private Optional<Stored> openFor(String email, String lock) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM partner_invitation
				WHERE lower(email) = lower(:email) AND accepted_at IS NULL AND revoked_at IS NULL
				""" + lock).param("email", email).query(InvitationRepository::stored).optional();
	}

	Optional<Stored> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner_invitation WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(InvitationRepository::stored)
			.optional();
	}

	Optional<Stored> findByHash(String hash, boolean lock) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM partner_invitation WHERE token_hash = :hash"
					+ (lock ? " FOR UPDATE" : ""))
			.param("hash", hash)
			.query(InvitationRepository::stored)
			.optional();
	}

	Optional<Stored> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM partner_invitation WHERE id = :id")
			.param("id", id)
			.query(InvitationRepository::stored)
			.optional();
	}

	List<Stored> ofPartner(long partnerId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM partner_invitation WHERE partner_id = :partner ORDER BY created_at DESC, id DESC")
			.param("partner", partnerId)
			.query(InvitationRepository::stored)
			.list();
	}

	/** A new link for the invitation: the old one stops opening. */
	void replaceLink(long id, OneTimeLink.Issued link, Instant now) {
		this.jdbc
			.sql("""
					UPDATE partner_invitation SET token_hash = :hash, sent_at = :now, expires_at = :expires, sends = sends + 1
					WHERE id = :id
					""")
			.param("hash", link.hash())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(link.expiresAt()))
			.param("id", id)
			.update();
	}

	void revoke(long id, Instant now) {
		this.jdbc.sql("UPDATE partner_invitation SET revoked_at = :now WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void accept(long id, long userId, Instant now) {
		this.jdbc.sql("UPDATE partner_invitation SET accepted_at = :now, user_id = :user WHERE id = :id")
			.param("now", Timestamp.from(now))
			.param("user", userId)
			.param("id", id)
			.update();
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("partner_name"),
				rs.getString("email"), rs.getString("display_name"), rs.getLong("invited_by"),
				instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "expires_at"), rs.getInt("sends"),
				instant(rs, "accepted_at"), instant(rs, "revoked_at"), rs.getObject("user_id", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	record Stored(long id, long partnerId, String partnerName, String email, String name, long invitedBy,
			Instant createdAt, Instant sentAt, Instant expiresAt, int sends, Instant acceptedAt, Instant revokedAt,
			Long userId) {

		OneTimeLink.State state(Instant now) {
			return OneTimeLink.state(this.expiresAt, this.acceptedAt, this.revokedAt, now);
		}

		InvitationView view(Instant now) {
			return view(now, false);
		}

		/**
		 * As {@link #view(Instant)}, told whether its partner is sunset: then a link that
		 * would still open is WITHDRAWN.
		 */
		InvitationView view(Instant now, boolean partnerSunset) {
			var status = switch (state(now)) {
				case USED -> InvitationView.Status.ACCEPTED;
				case REVOKED -> InvitationView.Status.REVOKED;
				case EXPIRED -> InvitationView.Status.EXPIRED;
				default -> partnerSunset ? InvitationView.Status.WITHDRAWN : InvitationView.Status.PENDING;
			};
			return new InvitationView(this.id, this.partnerId, this.name, this.email, status, this.invitedBy,
					this.createdAt, this.sentAt, this.expiresAt, this.sends, this.acceptedAt, this.revokedAt,
					this.userId);
		}

	}

}
