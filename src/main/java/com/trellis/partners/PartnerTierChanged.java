package com.trellis.partners;

import com.trellis.shared.ImportScope;

/**
 * A partner was moved to another tier. Published inside the transaction that changed it.
 */
public record PartnerTierChanged(long partnerId, Tier from, Tier to, boolean byImport) implements ImportScope.Origin {

	/**
	 * A move made now: by an import when an import's transaction or listener makes it.
	 */
	public PartnerTierChanged(long partnerId, Tier from, Tier to) {
		this(partnerId, from, to, ImportScope.active());
	}

}
