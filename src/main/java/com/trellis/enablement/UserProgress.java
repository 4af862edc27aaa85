package com.trellis.enablement;

import java.util.List;

/**
 * A partner user's progress on their role's track.
 */
public record UserProgress(long userId, String name, String role, String trackName, List<ItemProgress> items) {

	public long requiredDone() {
		return this.items.stream().filter(i -> i.required() && i.current()).count();
	}

	public long requiredTotal() {
		return this.items.stream().filter(ItemProgress::required).count();
	}

	public boolean complete() {
		return requiredTotal() > 0 && requiredDone() == requiredTotal();
	}

}
