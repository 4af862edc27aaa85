package com.trellis.marketplace;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Viewer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketplace module's port for the Trellis marketplace format: finds transactions by
 * the marketplace's ids, writes a new one, corrects one a later file changes (audited
 * with the values before and after) (the export reads them through
 * {@link Marketplace#transactions}). The caller checked the role, the partner and every
 * value.
 */
@Service
public class MarketplaceImport {

	private final MarketplaceRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	MarketplaceImport(MarketplaceRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	/** The transactions imported before with one of these source ids, by source id. */
	@Transactional(readOnly = true)
	public Map<String, MarketplaceTransaction> bySourceIds(Collection<String> sourceIds) {
		return this.repository.bySourceIds(sourceIds);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(Viewer viewer, String sourceId, TransactionValues values) {
		return this.repository.insert(sourceId, values, viewer.userId(), this.clock.instant());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void correct(Viewer viewer, MarketplaceTransaction before, TransactionValues values) {
		this.repository.update(before.id(), values, this.clock.instant());
		var after = this.repository.find(before.id()).orElseThrow();
		this.audit.record(viewer.actor(), "marketplace-transaction", before.id(), "corrected by import", before, after);
	}

}
