package com.trellis.enablement;

import com.trellis.shared.ImportScope;

/**
 * A partner user completed every required item of their role's track.
 */
public record EnablementCompleted(long partnerId, long userId, String role,
		boolean byImport) implements ImportScope.Origin {

	/**
	 * A completion made now: by an import when an import's transaction or listener makes
	 * it.
	 */
	public EnablementCompleted(long partnerId, long userId, String role) {
		this(partnerId, userId, role, ImportScope.active());
	}

}
