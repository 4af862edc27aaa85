package com.trellis.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for the REST API. The secret is shown once; only its hash is kept.
 * A user lists, names and revokes their own tokens; an admin may list and revoke
 * anyone's. Issuing, renaming and revoking are audited.
 */
@Service
public class ApiTokens {

	/** Why a viewer other than an admin may not list another user's tokens. */
	static final String OTHERS_TOKENS = "Only an admin lists another user's tokens";

	static final String PREFIX = "trl_";

	private static final String AUDIT_TYPE = "api-token";

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	private final int maxDays;

	private final BusinessCalendar calendar;

	ApiTokens(ApiTokenRepository tokens, UserRepository users, AuditLog audit, Clock clock,
			@Value("${trellis.security.api-token.max-days:365}") int maxDays, BusinessCalendar calendar) {
		this.calendar = calendar;
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.maxDays = maxDays;
	}

	/**
	 * Issues a token without expiry for a user and returns its secret, which is not
	 * stored.
	 */
	@Transactional
	public String issue(long userId, String name) {
		var secret = secret();
		this.tokens.insert(userId, name, hash(secret), this.clock.instant(), null);
		return secret;
	}

	/** Issues a token for the viewer, as asked for on the tokens page. */
	@Transactional
	Issued issue(Viewer viewer, TokenRequest request) {
		var now = this.clock.instant();
		var checked = request.check(now, this.calendar.zone(), this.maxDays);
		var secret = secret();
		long id = this.tokens.insert(viewer.userId(), checked.name(), hash(secret), now, checked.expiresAt());
		var token = this.tokens.find(id).orElseThrow();
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "issued", null, token.audited());
		return new Issued(token.view(now), secret);
	}

	/**
	 * The tokens of the viewer, or (for an admin) of another user.
	 * @param userId whose tokens; null for the viewer's own
	 */
	@Transactional(readOnly = true)
	public List<TokenView> list(Viewer viewer, Long userId) {
		long owner = userId == null ? viewer.userId() : userId;
		if (owner != viewer.userId() && !viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException(OTHERS_TOKENS);
		}
		if (this.users.find(owner).isEmpty()) {
			// s56: an unknown user's tokens answered an empty list, as if they had none
			throw new NotFoundException("User", owner);
		}
		var now = this.clock.instant();
		return this.tokens.ofUser(owner).stream().map(token -> token.view(now)).toList();
	}

	/**
	 * Revokes a token of the viewer, or any token for an admin; revoking twice changes
	 * nothing.
	 */
	@Transactional
	public TokenView revoke(Viewer viewer, long id) {
		var token = visible(viewer, id);
		var now = this.clock.instant();
		if (token.revokedAt() == null) {
			this.tokens.revoke(id, now);
			var after = this.tokens.find(id).orElseThrow();
			this.audit.record(viewer.actor(), AUDIT_TYPE, id, "revoked", token.audited(), after.audited());
			return after.view(now);
		}
		return token.view(now);
	}

	/** Renames one of the viewer's own tokens. */
	@Transactional
	public TokenView rename(Viewer viewer, long id, String name) {
		var token = requireNames(viewer, id);
		List<FieldError> errors = new ArrayList<>();
		var checked = name == null || name.isBlank() ? null : TokenRequest.checkedName(name, errors);
		if (checked == null) {
			errors.add(new FieldError("name", "must not be blank"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		this.tokens.rename(id, checked);
		var after = this.tokens.find(id).orElseThrow();
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "renamed", token.audited(), after.audited());
		return after.view(this.clock.instant());
	}

	/**
	 * Checks a bearer secret: the principal it stands for, or why it is refused (unknown,
	 * revoked, expired, or its user disabled). One statement reads the token with its
	 * user; the token's last use is written only when the stored one is a minute old or
	 * more (the update checks that again), each in its own auto-committed statement: a
	 * request's authentication costs one round trip, not a transaction of four.
	 */
	Check authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Check.refused(null);
		}
		var presented = this.tokens.presented(hash(secret)).orElse(null);
		if (presented == null) {
			return Check.refused(null);
		}
		var token = presented.token();
		// a deactivated user's tokens are revoked as well: say why, without the advice to
		// issue a new one, which the user cannot
		var credentials = presented.credentials();
		if (credentials == null || !credentials.enabled()) {
			return Check.refused("This API token's user is deactivated");
		}
		if (credentials.partnerEnded()) {
			return Check.refused("This API token's partner has left the program (sunset)");
		}
		var now = this.clock.instant();
		switch (TokenView.status(token.expiresAt(), token.revokedAt(), now)) {
			case REVOKED:
				return Check.refused("This API token was revoked; sign in and issue a new one");
			case EXPIRED:
				return Check.refused("This API token has expired; sign in and issue a new one");
			default:
				break;
		}
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(ApiTokenRepository.TOUCH_EVERY))) {
			this.tokens.touch(token.id(), now);
		}
		return new Check(TrellisUserDetailsService.principal(credentials), null);
	}

	/**
	 * Revokes every token of a user still in use, for good (each audited as revoked by
	 * {@code actor}): deactivating a user ends their tokens, reactivating does not bring
	 * them back. Returns how many were revoked.
	 */
	int revokeAll(com.trellis.audit.AuditLog.Actor actor, long userId) {
		var now = this.clock.instant();
		int revoked = 0;
		for (var token : this.tokens.ofUser(userId)) {
			if (token.revokedAt() == null) {
				this.tokens.revoke(token.id(), now);
				var after = this.tokens.find(token.id()).orElseThrow();
				this.audit.record(actor, AUDIT_TYPE, token.id(), "revoked", token.audited(), after.audited());
				revoked++;
			}
		}
		return revoked;
	}

	/** A token the viewer may see: their own, or any for an admin; else 404. */
	/**
	 * Refuses a viewer who may not name the token: 404 unless it is theirs or they are an
	 * admin, 403 for an admin naming another's token.
	 */
	@Transactional(readOnly = true)
	ApiTokenRepository.Stored requireNames(Viewer viewer, long id) {
		var token = visible(viewer, id);
		if (token.userId() != viewer.userId()) {
			throw new AccessDeniedException("Only its owner names a token");
		}
		return token;
	}

	/** Refuses (404) a viewer who may not see the token: not theirs, and not an admin. */
	@Transactional(readOnly = true)
	void requireVisible(Viewer viewer, long id) {
		visible(viewer, id);
	}

	private ApiTokenRepository.Stored visible(Viewer viewer, long id) {
		return this.tokens.find(id)
			.filter(token -> token.userId() == viewer.userId() || viewer.is(Role.ADMIN))
			.orElseThrow(() -> new NotFoundException("API token", id));
	}

	private String secret() {
		var bytes = new byte[32];
		this.random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A newly issued token and its secret, shown once. */
	record Issued(TokenView token, String secret) {
	}

	/**
	 * @param principal who the token stands for; null when refused
	 * @param refusal why it is refused, for the caller; null when accepted or when the
	 * token is simply unknown
	 */
	record Check(TrellisPrincipal principal, String refusal) {

		static Check refused(String refusal) {
			return new Check(null, refusal);
		}

	}

}
