package com.trellis.partners;

import com.trellis.shared.ImportScope;

/**
 * A partner was moved to another tier. Published inside the transaction that changed it;
 * {@code changedBy} is the user who changed it on the partner's record (form, API,
 * import), null for a move of the tiers module, which records its own history.
 */
public record PartnerTierChanged(long partnerId, Tier from, Tier to, boolean byImport,
		Long changedBy) implements ImportScope.Origin {

	/**
	 * A move made now by {@code changedBy}: by an import when an import's transaction or
	 * listener makes it.
	 */
	public PartnerTierChanged(long partnerId, Tier from, Tier to, Long changedBy) {
		this(partnerId, from, to, ImportScope.active(), changedBy);
	}

}
