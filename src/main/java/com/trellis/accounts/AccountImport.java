package com.trellis.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.trellis.matching.CompanyIdentity;
import com.trellis.audit.AuditLog;
import com.trellis.shared.PgCopy;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	AccountImport(AccountRepository accounts, AuditLog audit, Clock clock, JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates many accounts at once (a large export), in order; returns their ids in the
	 * same order. The rows a single import would write, written with {@code COPY}; one
	 * audit entry for the batch (how many, the ids' range) instead of one per account.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> createAll(AuditLog.Actor actor, List<ImportedAccount> accounts) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		var ids = new ArrayList<Long>(accounts.size());
		this.jdbc.sql("SELECT nextval('account_id_seq') FROM generate_series(1, :n)")
			.param("n", accounts.size())
			.query((rs, n) -> ids.add(rs.getLong(1)))
			.list();
		var now = this.clock.instant();
		try (var copy = PgCopy.into(this.dataSource, "account", List.of("id", "name", "web_domain", "industry",
				"owner_ae_id", "created_at", "updated_at", "registrable_domain", "normalized_name", "country"))) {
			for (int i = 0; i < accounts.size(); i++) {
				var account = accounts.get(i);
				copy.row(ids.get(i), account.name().strip(), account.webDomain(), account.industry(), account.ownerId(),
						account.createdAt(), now, CompanyIdentity.registrableDomain(account.webDomain()),
						CompanyIdentity.normalizedName(account.name()), account.country());
			}
			copy.finish();
		}
		this.audit.record(actor, "account", ids.get(0) + ".." + ids.get(ids.size() - 1), "imported", null,
				Map.of("accounts", ids.size(), "firstId", ids.get(0), "lastId", ids.get(ids.size() - 1)));
		return ids;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, ImportedAccount account) {
		update(actor, id, account, false);
	}

	/**
	 * Brings an imported account up to a later export; with {@code keepOwner} it keeps
	 * the owner it has (given in Trellis since the last import) instead of the export's.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, ImportedAccount account, boolean keepOwner) {
		var before = this.accounts.find(id).orElseThrow();
		// an export without a billing country leaves the one the account has
		var country = account.country() != null ? account.country() : before.country();
		this.accounts.update(id, command(account, country), keepOwner ? before.ownerAeId() : account.ownerId(),
				this.clock.instant());
		this.audit.record(actor, "account", id, "updated by import", before, this.accounts.find(id).orElseThrow());
	}

	/**
	 * The owner (user id, null for none) of each of the given accounts now, for many at
	 * once: a later export judges whose an imported account stays against it.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> owners(java.util.Collection<Long> ids) {
		var owners = new java.util.HashMap<Long, Long>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT id, owner_ae_id FROM account WHERE id IN (:ids)")
				.param("ids", ids)
				.query((rs, n) -> owners.put(rs.getLong(1), rs.getObject(2, Long.class)))
				.list();
		}
		return owners;
	}

	private static AccountCommand command(ImportedAccount account, String country) {
		return new AccountCommand(account.name(), account.webDomain(), account.industry(), null, account.ownerId(),
				country);
	}

}
