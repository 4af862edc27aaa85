package com.trellis.mapping;

import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AE view of account mapping: which partners have one of our accounts on their
 * current list (as customer or prospect), with their tier; a prospect or sunset partner
 * is not among them (it joins no deal and its users do not sign in). Vendor staff only;
 * it shows the overlap on this account, never anything else of a partner's list.
 */
@Service
public class PartnersOnAccount {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Partners partners;

	private final OverlapShowings showings;

	PartnersOnAccount(JdbcClient jdbc, Accounts accounts, Partners partners, OverlapShowings showings) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.partners = partners;
		this.showings = showings;
	}

	/**
	 * The partners present at the account; showing them to the viewer is noted
	 * ({@link OverlapShowings}), so a deal they join afterwards counts as
	 * overlap-sourced.
	 */
	@Transactional
	public List<PartnerPresence> of(Viewer viewer, long accountId) {
		if (viewer.isPartnerUser() || !this.accounts.exists(accountId)) {
			throw new NotFoundException("Account", accountId);
		}
		var presences = this.jdbc.sql("""
				SELECT a.partner_id, min(a.status) AS status
				FROM partner_account a JOIN partner_account_list l ON l.id = a.list_id AND l.current
				WHERE a.account_id = :account AND a.match_confidence = 'AUTOMATIC' AND l.partner_id = a.partner_id
				GROUP BY a.partner_id ORDER BY a.partner_id
				""")
			.param("account", accountId)
			.query((rs, n) -> java.util.Map.entry(this.partners.get(viewer, rs.getLong(1)), rs.getString(2)))
			.list()
			.stream()
			.filter(row -> row.getKey().lifecycleStatus().keepsOut("co-sell").isEmpty())
			.map(row -> new PartnerPresence(row.getKey().id(), row.getKey().name(), row.getKey().tier().name(),
					row.getValue()))
			.toList();
		this.showings.shown(viewer.userId(), accountId, presences.stream().map(PartnerPresence::partnerId).toList());
		return presences;
	}

	/** A partner that has the account on its list, its tier, and CUSTOMER or PROSPECT. */
	public record PartnerPresence(long partnerId, String partnerName, String tier, String status) {
	}

}
