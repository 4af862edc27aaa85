package com.trellis.mapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * kept as history; the whole list is matched to the vendor's accounts at once
 * ({@link Accounts#matchAll}: candidates found set-based, each company decided by
 * {@link BestMatch} as one company alone), with the answers people gave to earlier
 * possible matches applied.
 */
@Service
public class PartnerAccountLists {

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
		var companies = rows.stream().map(r -> Company.of(r.companyName(), r.webDomain(), r.country())).toList();
		var decisions = decide(companies, answers);
		this.lists.insertRows(listId, partnerId, rows, companies, decisions);
		long matched = decisions.stream().filter(BestMatch.Decision::matched).count();
		this.audit.record(viewer.actor(), "partner-account-list", listId,
				"uploaded " + com.trellis.shared.Plural.of(rows.size(), "company", "companies") + ", " + matched
						+ " matched automatically",
				null, null);
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

	/**
	 * Each company's decision: the account a person confirmed for it on an earlier list,
	 * else the whole list matched at once by {@link Accounts#matchAll}, leaving out the
	 * accounts a person rejected for it.
	 */
	private List<BestMatch.Decision<Long>> decide(List<Company> companies, Map<String, Map<Long, Boolean>> answers) {
		var decisions = new ArrayList<BestMatch.Decision<Long>>(Collections.nCopies(companies.size(), null));
		var toMatch = new ArrayList<Integer>();
		var notThese = new HashMap<Integer, Set<Long>>();
		for (int i = 0; i < companies.size(); i++) {
			var answered = answers.getOrDefault(key(companies.get(i)), Map.of());
			var confirmed = answered.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst();
			if (confirmed.isPresent()) {
				decisions.set(i,
						new BestMatch.Decision<>(confirmed.get(), new Match(Match.Kind.NAME, 1.0,
								Match.Confidence.AUTOMATIC, "confirmed by a person for an earlier list"), List.of(),
								"confirmed"));
				continue;
			}
			var rejected = answered.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey);
			notThese.put(toMatch.size(), rejected.collect(Collectors.toSet()));
			toMatch.add(i);
		}
		var matched = this.accounts.matchAll(toMatch.stream().map(companies::get).toList(), notThese);
		for (int j = 0; j < toMatch.size(); j++) {
			decisions.set(toMatch.get(j), matched.get(j));
		}
		return decisions;
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
		// a partner that does not exist is not found, also by an admin (try11: 403)
		this.partners.get(viewer, partnerId);
		if (!viewer.is(Role.ADMIN, Role.PAM) || !this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException(
					"A partner's account list is read and replaced only by the partner, its PAM or a program admin");
		}
	}

}
