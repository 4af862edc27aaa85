package com.trellis.accounts;

import java.time.Clock;

import com.trellis.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's import port: writes accounts that come from another system's
 * export, keeping the day they were created there. The caller (the {@code imports}
 * module) has checked the admin's right and every value; each write is audited.
 */
@Service
public class AccountImport {

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	AccountImport(AccountRepository accounts, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(AuditLog.Actor actor, ImportedAccount account) {
		long id = this.accounts.insert(command(account), account.ownerId(), account.createdAt());
		this.accounts.touch(id, this.clock.instant());
		this.audit.record(actor, "account", id, "imported", null, this.accounts.find(id).orElseThrow());
		return id;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, ImportedAccount account) {
		var before = this.accounts.find(id).orElseThrow();
		this.accounts.update(id, command(account), account.ownerId(), this.clock.instant());
		this.audit.record(actor, "account", id, "updated by import", before, this.accounts.find(id).orElseThrow());
	}

	private static AccountCommand command(ImportedAccount account) {
		return new AccountCommand(account.name(), account.webDomain(), account.industry(), null, account.ownerId());
	}

}
