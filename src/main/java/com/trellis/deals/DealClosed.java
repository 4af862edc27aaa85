package com.trellis.deals;

import java.time.Instant;

import com.trellis.shared.ImportScope;

/**
 * A deal reached Closed won or Closed lost.
 *
 * @param closedAt the moment the deal closed ({@code opportunity.closed_at}): now for a
 * close made in Trellis, the closing move's moment for an imported (possibly back-dated)
 * one; null when the publisher did not know it, and listeners then take their clock's now
 */
public record DealClosed(long opportunityId, Long partnerId, boolean won, boolean byImport,
		Instant closedAt) implements ImportScope.Origin {

	/**
	 * A close made now: by an import when an import's transaction or listener makes it.
	 */
	public DealClosed(long opportunityId, Long partnerId, boolean won) {
		this(opportunityId, partnerId, won, ImportScope.active(), null);
	}

	/** As {@link #DealClosed(long, Long, boolean)}, at its close moment. */
	public DealClosed(long opportunityId, Long partnerId, boolean won, Instant closedAt) {
		this(opportunityId, partnerId, won, ImportScope.active(), closedAt);
	}

	/** A close whose moment the publisher does not give. */
	public DealClosed(long opportunityId, Long partnerId, boolean won, boolean byImport) {
		this(opportunityId, partnerId, won, byImport, null);
	}

}
