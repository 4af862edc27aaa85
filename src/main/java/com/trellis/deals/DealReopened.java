package com.trellis.deals;

import com.trellis.shared.ImportScope;

/**
 * A deal that was closed won moved back to another stage.
 */
public record DealReopened(long opportunityId, Long partnerId, boolean byImport) implements ImportScope.Origin {

	/**
	 * A reopening made now: by an import when an import's transaction or listener makes
	 * it.
	 */
	public DealReopened(long opportunityId, Long partnerId) {
		this(opportunityId, partnerId, ImportScope.active());
	}

}
