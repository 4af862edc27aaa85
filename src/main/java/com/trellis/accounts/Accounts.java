package com.trellis.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.matching.BestMatch;
import com.trellis.matching.Company;
import com.trellis.matching.CompanyIdentity;
import com.trellis.shared.ConflictException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's facade. The vendor's account list is internal: partner users
 * never read it (they see an account's name only on their own deals).
 */
@Service
public class Accounts {

	private final AccountRepository accounts;

	private final AccountOwnerRule owners;

	private final AuditLog audit;

	private final Clock clock;

	private final ListMatching listMatching;

	private final CompanyCandidates companyCandidates;

	Accounts(AccountRepository accounts, AccountOwnerRule owners, AuditLog audit, Clock clock,
			ListMatching listMatching, CompanyCandidates companyCandidates) {
		this.accounts = accounts;
		this.companyCandidates = companyCandidates;
		this.listMatching = listMatching;
		this.owners = owners;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResult<AccountView> search(Viewer viewer, String q, String industry, Long ownerId, PageRequest page) {
		requireVendor(viewer);
		return this.accounts.search(q, industry, ownerId, page);
	}

	@Transactional(readOnly = true)
	public AccountView get(Viewer viewer, long id) {
		if (viewer.isPartnerUser()) {
			throw new NotFoundException("Account", id);
		}
		return this.accounts.find(id).orElseThrow(() -> new NotFoundException("Account", id));
	}

	@Transactional(readOnly = true)
	public boolean exists(long id) {
		return this.accounts.find(id).isPresent();
	}

	/**
	 * Names of accounts the caller already holds ids for through a scoped query (the
	 * accounts of deals it may see).
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> ids) {
		return this.accounts.names(ids);
	}

	/**
	 * The accounts the caller already holds ids for through a scoped query (the accounts
	 * of deals it may see), by id: their industry, size and country.
	 */
	@Transactional(readOnly = true)
	public Map<Long, AccountView> profiles(Collection<Long> ids) {
		return this.accounts.findAll(ids).stream().collect(java.util.stream.Collectors.toMap(AccountView::id, a -> a));
	}

	/**
	 * For a leaver's hand-over (program admins only; the caller checks the receiver and
	 * audits the whole hand-over): gives every account of one owner to another.
	 * @return the ids of the accounts moved
	 */
	@Transactional
	public List<Long> handOver(Viewer viewer, long fromOwnerId, long toOwnerId) {
		requireAdmin(viewer);
		return this.accounts.handOver(fromOwnerId, toOwnerId, this.clock.instant());
	}

	/** How many accounts a user owns. */
	@Transactional(readOnly = true)
	public long countOwnedBy(long ownerId) {
		return this.accounts.countOwnedBy(ownerId);
	}

	private static void requireAdmin(Viewer viewer) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin hands over a user's accounts");
		}
	}

	/**
	 * The account executive who owns an account, for routing work on the customer (a
	 * partner's lead) to them; empty when the account has no owner or does not exist.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> ownerOf(long accountId) {
		return this.accounts.find(accountId).map(AccountView::ownerAeId);
	}

	/**
	 * Accounts that may be the same customer: same registrable domain, or a similar name
	 * (by trigram similarity, for the caller to decide precisely).
	 */
	@Transactional(readOnly = true)
	public List<CustomerRecord> customerCandidates(String registrableDomain, String normalizedName, int limit) {
		return this.accounts.customerCandidates(registrableDomain, normalizedName, limit);
	}

	/**
	 * Accounts that may be one company, with their owners, for
	 * {@link com.trellis.matching.BestMatch} to decide: the same registrable domain,
	 * names whose long words are each similar by trigrams, and names one extends by whole
	 * words; up to {@code limit} of each kind, in one statement
	 * ({@link CompanyCandidates}).
	 */
	@Transactional(readOnly = true)
	public List<AccountCandidate> companyCandidates(String registrableDomain, String normalizedName, int limit) {
		return this.companyCandidates.find(registrableDomain, normalizedName, limit);
	}

	/**
	 * Accounts that may be the customer of a conflict check: the same registrable domain,
	 * or a name whose lead and second long word (more than four letters, not starting
	 * with a digit; null when the name has none) are each similar by trigrams at
	 * {@code similarity}, or the same name when it has no long word; up to {@code limit}
	 * of each kind, for the caller to decide precisely. Every name
	 * {@link com.trellis.matching.CompanyMatcher} takes for the customer's is among them
	 * when the threshold is low enough for a near-identical word.
	 */
	@Transactional(readOnly = true)
	public List<CustomerRecord> customerCandidatesByWords(String registrableDomain, String normalizedName,
			String leadWord, String secondWord, double similarity, int limit) {
		return this.accounts.customerCandidatesByWords(registrableDomain, normalizedName, leadWord, secondWord,
				similarity, limit);
	}

	/**
	 * As {@link #customerCandidatesByWords(String, String, String, String, double, int)},
	 * read when the caller sends its pipeline.
	 */
	public java.util.function.Supplier<List<CustomerRecord>> customerCandidatesByWords(
			com.trellis.shared.SqlPipeline pipeline, String registrableDomain, String normalizedName, String leadWord,
			String secondWord, double similarity, int limit) {
		return this.accounts.customerCandidatesByWords(pipeline, registrableDomain, normalizedName, leadWord,
				secondWord, similarity, limit);
	}

	/**
	 * The existing account of a customer's web domain (by its registrable domain), if
	 * any.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> byWebDomain(String webDomain) {
		var registrable = CompanyIdentity.identityDomain(webDomain);
		return (registrable == null) ? java.util.Optional.empty() : this.accounts.idByRegistrableDomain(registrable);
	}

	/**
	 * The accounts called exactly {@code name}, ignoring case and surrounding spaces (a
	 * file that names its deals' accounts by name; more than one means the name is
	 * ambiguous).
	 */
	@Transactional(readOnly = true)
	public List<Long> idsByName(String name) {
		return this.accounts.idsByName(name.strip());
	}

	/**
	 * The account each of many companies is (a partner's list, 100,000 rows), decided by
	 * {@link BestMatch} exactly as one company at a time, with the candidates found
	 * set-based ({@link ListMatching}). The decisions are in the companies' order.
	 */
	@Transactional
	public List<BestMatch.Decision<Long>> matchAll(List<Company> companies) {
		return this.listMatching.matchAll(companies, Map.of());
	}

	/**
	 * As {@link #matchAll(List)}, leaving out for some companies (by index) the accounts
	 * a person said they are not.
	 */
	@Transactional
	public List<BestMatch.Decision<Long>> matchAll(List<Company> companies, Map<Integer, Set<Long>> notThese) {
		return this.listMatching.matchAll(companies, notThese);
	}

	/**
	 * The account for a newly approved registration: the existing account with the same
	 * registrable domain, or a new one owned by the given account executive.
	 */
	@Transactional
	public long findOrCreateForRegistration(AuditLog.Actor actor, String name, String webDomain, long ownerAeId) {
		var registrable = CompanyIdentity.identityDomain(webDomain);
		if (registrable != null) {
			var existing = this.accounts.idByRegistrableDomain(registrable);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		var command = new AccountCommand(name, registrable, null, null, ownerAeId);
		long id = this.accounts.insert(command, ownerAeId, this.clock.instant());
		this.audit.record(actor, "account", id, "created from deal registration", null,
				this.accounts.find(id).orElseThrow());
		return id;
	}

	@Transactional
	public AccountView create(Viewer viewer, AccountCommand command) {
		requireWriter(viewer);
		Long owner = this.owners.owner(viewer, command, null);
		long id = this.accounts.insert(command, owner, this.clock.instant());
		var created = this.accounts.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account", id, "created", null, created);
		return created;
	}

	@Transactional
	public AccountView update(Viewer viewer, long id, AccountCommand command) {
		return update(viewer, id, command, null);
	}

	/**
	 * The account's version as its edit form carries it; the form's controller has read
	 * the account as the viewer (no second check).
	 */
	long version(long id) {
		return this.accounts.version(id);
	}

	/**
	 * {@link #update}, refused (409) when the account changed since {@code seenVersion}.
	 */
	@Transactional
	public AccountView update(Viewer viewer, long id, AccountCommand command, Long seenVersion) {
		var before = requireEditable(viewer, id);
		if (!this.accounts.update(id, command, this.owners.owner(viewer, command, before.ownerAeId()),
				this.clock.instant(), seenVersion)) {
			if (seenVersion != null && seenVersion != this.accounts.version(id)) {
				throw new ConflictException("version", "someone changed this account since you opened the form");
			}
			return before; // the same values again: no new version, no audit entry
		}
		var after = this.accounts.find(id).orElseThrow();
		this.audit.record(viewer.actor(), "account", id, "updated", before, after);
		return after;
	}

	private static void requireVendor(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Partner users do not see the vendor's accounts");
		}
	}

	/**
	 * Refuses a viewer who may not change the account: 403 for a role that changes none,
	 * or an account executive who does not own it; 404 when the viewer cannot see it.
	 */
	@Transactional(readOnly = true)
	public AccountView requireEditable(Viewer viewer, long id) {
		requireWriter(viewer);
		var account = get(viewer, id);
		if (!editable(viewer, account)) {
			throw new AccessDeniedException(viewer.is(Role.AE) ? "An account executive changes only their own accounts"
					: "A sales manager changes only their own, their team's and unowned accounts");
		}
		return account;
	}

	/**
	 * Whether the viewer may change the account (its page offers Edit only then): an
	 * admin any; an account executive their own; a sales manager their own, their team's
	 * (everyone reporting to them, at any depth) and accounts nobody owns, as with deals.
	 */
	public boolean editable(Viewer viewer, AccountView account) {
		return this.owners.editable(viewer, account);
	}

	private static void requireWriter(Viewer viewer) {
		if (!viewer.is(Role.ADMIN, Role.AE, Role.SALES_MANAGER)) {
			throw new AccessDeniedException("Only admins, account executives and sales managers change accounts");
		}
	}

}
