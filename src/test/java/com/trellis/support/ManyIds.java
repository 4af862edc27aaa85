package com.trellis.support;

import java.util.ArrayList;
import java.util.List;

/**
 * More ids than one SQL statement may have parameters (PostgreSQL's protocol allows
 * 65,535): 70,000 ids that no row has (negative), then the given ones.
 */
public final class ManyIds {

	private ManyIds() {
	}

	public static List<Long> with(long... ids) {
		var all = new ArrayList<Long>(70_000 + ids.length);
		for (long id = -70_000; id < 0; id++) {
			all.add(id);
		}
		for (long id : ids) {
			all.add(id);
		}
		return all;
	}

}
