package com.trellis.cosell;

import java.util.List;

import com.trellis.accounts.Accounts;
import com.trellis.deals.Deals;
import com.trellis.deals.IndustryRecords;
import com.trellis.deals.OpportunityView;
import com.trellis.identity.Viewer;
import com.trellis.mapping.PartnersOnAccount;
import com.trellis.scoring.PartnerScores;
import com.trellis.scoring.Pillar;
import com.trellis.tiers.PartnerTiers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The AE view of account mapping (§C13): on an account or a deal, the partners that have
 * the account on their list, each with its tier, its trust score and its won and lost
 * deals with us in the account's industry. Vendor staff only (a partner user gets 404);
 * showing a partner here is noted, so a deal it joins afterwards is overlap-sourced.
 */
@Service
public class AeView {

	private final PartnersOnAccount onAccount;

	private final Accounts accounts;

	private final Deals deals;

	private final IndustryRecords industryRecords;

	private final PartnerTiers tiers;

	private final PartnerScores scores;

	AeView(PartnersOnAccount onAccount, Accounts accounts, Deals deals, IndustryRecords industryRecords,
			PartnerTiers tiers, PartnerScores scores) {
		this.onAccount = onAccount;
		this.accounts = accounts;
		this.deals = deals;
		this.industryRecords = industryRecords;
		this.tiers = tiers;
		this.scores = scores;
	}

	@Transactional
	public List<PartnerHere> onAccount(Viewer viewer, long accountId) {
		return partners(viewer, accountId, null);
	}

	@Transactional
	public List<PartnerHere> onDeal(Viewer viewer, long opportunityId) {
		var deal = this.deals.get(viewer, opportunityId);
		return partners(viewer, deal.accountId(), deal);
	}

	private List<PartnerHere> partners(Viewer viewer, long accountId, OpportunityView deal) {
		var presences = this.onAccount.of(viewer, accountId);
		var industry = this.accounts.get(viewer, accountId).industry();
		var records = this.industryRecords
			.of(presences.stream().map(PartnersOnAccount.PartnerPresence::partnerId).toList(), industry);
		return presences.stream().map(p -> {
			var card = this.tiers.card(viewer, p.partnerId());
			var scorecard = this.scores.scorecard(viewer, p.partnerId());
			var trust = scorecard.scores().stream().filter(s -> s.pillar() == Pillar.TRUST).findFirst().orElse(null);
			String unknown = null;
			if (!scorecard.computed() || trust == null) {
				unknown = "not scored yet: the daily scoring run has not reached this partner";
			}
			else if (trust.score() == null) {
				unknown = trust.unknownReason();
			}
			var record = records.get(p.partnerId());
			boolean attached = deal != null && deal.partnerId() != null && deal.partnerId() == p.partnerId();
			return new PartnerHere(p.partnerId(), p.partnerName(), p.status(), card.tier().name(), card.tierLabel(),
					unknown == null ? trust.score() : null, unknown,
					industry == null || industry.isBlank() ? null : industry, record.won(), record.lost(),
					record.wonAmount(), record.currency(), attached);
		}).toList();
	}

}
