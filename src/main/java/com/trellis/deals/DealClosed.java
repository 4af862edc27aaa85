package com.trellis.deals;

import com.trellis.shared.ImportScope;

/**
 * A deal reached Closed won or Closed lost.
 */
public record DealClosed(long opportunityId, Long partnerId, boolean won,
		boolean byImport) implements ImportScope.Origin {

	/**
	 * A close made now: by an import when an import's transaction or listener makes it.
	 */
	public DealClosed(long opportunityId, Long partnerId, boolean won) {
		this(opportunityId, partnerId, won, ImportScope.active());
	}

}
