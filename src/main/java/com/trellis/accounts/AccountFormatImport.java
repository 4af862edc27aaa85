package com.trellis.accounts;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's port for the Trellis account format (the accounts list export's
 * own columns): reads an account as it stands, says whether a row's owner is allowed (as
 * on the account form: a newly named owner is an active account executive or sales
 * manager, an account keeps an owner who left) and writes a whole account, audited. The
 * day an account was created is never changed by an import. The caller (the
 * {@code imports} module) checked the admin's right and every value first.
 */
@Service
public class AccountFormatImport {

	private final AccountRepository accounts;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	AccountFormatImport(AccountRepository accounts, Users users, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** An account of this program as it stands, whoever asks (the caller checked). */
	@Transactional(readOnly = true)
	public Optional<AccountView> find(long id) {
		return this.accounts.find(id);
	}

	/**
	 * Why a user may not own an account that has {@code currentOwner}, or empty: the
	 * current owner is kept as is, whoever it is (one who left, or an admin a CRM import
	 * named); only a newly named owner must be an active account executive or sales
	 * manager.
	 */
	public Optional<String> ownerRefusal(long ownerId, Long currentOwner) {
		if (Objects.equals(ownerId, currentOwner)) {
			return Optional.empty();
		}
		var owner = this.users.findEnabled(ownerId);
		if (owner.isEmpty() || !(owner.get().role() == Role.AE || owner.get().role() == Role.SALES_MANAGER)) {
			return Optional.of("must name an active account executive or sales manager");
		}
		return Optional.empty();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(AuditLog.Actor actor, AccountCommand command) {
		long id = this.accounts.insert(command, command.ownerAeId(), this.clock.instant());
		this.audit.record(actor, "account", id, "imported", null, this.accounts.find(id).orElseThrow());
		return id;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, AccountCommand command) {
		var before = this.accounts.find(id).orElseThrow();
		this.accounts.update(id, command, command.ownerAeId(), this.clock.instant());
		this.audit.record(actor, "account", id, "updated by import", before, this.accounts.find(id).orElseThrow());
	}

}
