package com.trellis.hygiene;

import java.io.Serializable;
import java.util.List;

/**
 * What a one-click fix did: how many records it fixed, and each one it left, with why.
 */
public record FixResult(HygieneCheck check, int fixed, List<Left> left) implements Serializable {

	public record Left(long recordId, String reason) implements Serializable {
	}

}
