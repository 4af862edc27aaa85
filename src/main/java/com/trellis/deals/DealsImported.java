package com.trellis.deals;

import java.util.List;

import com.trellis.shared.ImportScope;

/**
 * Many deals were imported at once, created closed (a CRM export's history): one event
 * for the batch instead of one {@link DealClosed} per deal, which would cost a stored
 * event publication per deal and listener. It stands for a {@link DealClosed} without a
 * partner (no partner notice, no incentive: the news is old) for each id: listeners that
 * react to closes of deals without a partner handle it (the forecast relearns; no webhook
 * announces an import's history, docs/webhooks.md). A deal created here has no
 * registration and no partner plan to settle, so the other {@link DealClosed} listeners
 * have nothing to do.
 */
public record DealsImported(List<Long> won, List<Long> lost) implements ImportScope.Origin {

	public DealsImported {
		won = List.copyOf(won);
		lost = List.copyOf(lost);
	}

	/** Each deal as the {@link DealClosed} a single import publishes. */
	public List<DealClosed> closes() {
		var closes = new java.util.ArrayList<DealClosed>(this.won.size() + this.lost.size());
		this.won.forEach(id -> closes.add(new DealClosed(id, null, true, true)));
		this.lost.forEach(id -> closes.add(new DealClosed(id, null, false, true)));
		return closes;
	}

	/** Always made by an import. */
	@Override
	public boolean byImport() {
		return true;
	}

}
