package com.trellis.mapping;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.trellis.accounts.Accounts;
import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.matching.BestMatch;
import com.trellis.matching.Company;
import com.trellis.matching.Match;
import com.trellis.partners.Partners;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mapping module's facade for partners' account lists. A list is the partner's data:
 * only the partner's own users, its PAM and program admins read or replace it (account
 * executives see overlaps, never the list). Each upload replaces the current list and is
 * kept as history; each company is matched to the vendor's accounts, candidates from the
 * database (same domain, or similar name by the trigram index) decided by
 * {@link BestMatch}, with the answers people gave to earlier possible matches applied.
 */
@Service
public class PartnerAccountLists {

	/** Accounts compared with each company of a list. */
	static final int CANDIDATES = 20;

	private final PartnerAccountRepository lists;

	private final Accounts accounts;

	private final Partners partners;

	private final AuditLog audit;

	private final Clock clock;

	PartnerAccountLists(PartnerAccountRepository lists, Accounts accounts, Partners partners, AuditLog audit,
			Clock clock) {
		this.lists = lists;
		this.accounts = accounts;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	/** Replaces the partner's list with the file's; a bad row refuses the whole file. */
	@Transactional
	public AccountListUpload upload(Viewer viewer, long partnerId, String csv) {
		requireOwnsList(viewer, partnerId);
		var rows = AccountListFile.read(csv);
		this.lists.lockPartner(partnerId);
		var answers = this.lists.answers(partnerId);
		long listId = this.lists.newCurrentList(partnerId, viewer.userId(), this.clock.instant(), rows.size());
		int matched = 0;
		for (var row : rows) {
			var company = Company.of(row.companyName(), row.webDomain(), row.country());
			var decision = decide(company, answers.getOrDefault(key(company), Map.of()));
			Long account = decision.matched() ? decision.match()
					: decision.possibles().isEmpty() ? null : decision.possibles().get(0).ref();
			Match how = decision.matched() ? decision.how()
					: decision.possibles().isEmpty() ? null : decision.possibles().get(0).match();
			matched += decision.matched() ? 1 : 0;
			this.lists.insertRow(listId, partnerId, row, company.identityDomain(), company.normalizedName(), account,
					how == null ? null : how.confidence().name(), how == null ? null : how.reason());
		}
		this.audit.record(viewer.actor(), "partner-account-list", listId,
				"uploaded " + rows.size() + " companies, " + matched + " matched automatically", null, null);
		return this.lists.history(partnerId).get(0);
	}

	/**
	 * The partner's current list with each company's match; the partner's own users read
	 * only that a company is (or may be) one of ours ({@link PartnerFacingMatch}).
	 */
	@Transactional(readOnly = true)
	public List<PartnerAccountView> current(Viewer viewer, long partnerId) {
		requireOwnsList(viewer, partnerId);
		var rows = this.lists.current(partnerId);
		return viewer.isPartnerUser() ? rows.stream().map(PartnerFacingMatch::of).toList() : rows;
	}

	/** Every upload of the partner's list, latest first. */
	@Transactional(readOnly = true)
	public List<AccountListUpload> history(Viewer viewer, long partnerId) {
		requireOwnsList(viewer, partnerId);
		return this.lists.history(partnerId);
	}

	private BestMatch.Decision<Long> decide(Company company, Map<Long, Boolean> answered) {
		var candidates = this.accounts
			.customerCandidates(company.identityDomain(), company.normalizedName(), CANDIDATES)
			.stream()
			.filter(c -> !Boolean.FALSE.equals(answered.get(c.accountId())))
			.map(c -> new BestMatch.Candidate<>(c.accountId(), c.company()))
			.toList();
		var confirmed = answered.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst();
		if (confirmed.isPresent()) {
			return new BestMatch.Decision<>(confirmed.get(), new Match(Match.Kind.NAME, 1.0, Match.Confidence.AUTOMATIC,
					"confirmed by a person for an earlier list"), List.of(), "confirmed");
		}
		return BestMatch.among(company, candidates);
	}

	static String key(Company company) {
		return (company.identityDomain() == null ? "" : company.identityDomain()) + "|"
				+ (company.normalizedName() == null ? "" : company.normalizedName());
	}

	/**
	 * The partner's own users, its PAM and program admins; anyone else is refused before
	 * the file is read (a partner user asking for another partner's list gets 404).
	 */
	void requireOwnsList(Viewer viewer, long partnerId) {
		if (viewer.isPartnerUser()) {
			if (viewer.partnerId() != partnerId) {
				throw new NotFoundException("Partner", partnerId);
			}
			return;
		}
		if (!viewer.is(Role.ADMIN, Role.PAM) || !this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException(
					"A partner's account list is read and replaced only by the partner, its PAM or a program admin");
		}
	}

}
