package com.trellis.shared;

import java.util.Collection;

/**
 * Ids bound as one SQL array parameter ({@code col = ANY (CAST(:ids AS BIGINT[]))})
 * instead of one parameter per id ({@code col IN (:ids)}): PostgreSQL's protocol allows
 * 65,535 parameters in a statement, which a program's or a large book's partner ids can
 * pass.
 */
public final class SqlIds {

	private SqlIds() {
	}

	/** The ids as an array to bind; an empty collection gives an empty array. */
	public static Long[] array(Collection<Long> ids) {
		return ids.toArray(Long[]::new);
	}

}
