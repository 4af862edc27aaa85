package com.trellis.cadence;

import java.net.URI;

/**
 * Where a meeting's pack page lives.
 */
final class PackLinks {

	private PackLinks() {
	}

	static URI page(Packs.Entry entry) {
		return URI.create("cadence/" + entry.quarter() + "/" + entry.meeting().name() + "/" + entry.week()
				+ (entry.pamId() == null ? "" : "?pam=" + entry.pamId()));
	}

}
