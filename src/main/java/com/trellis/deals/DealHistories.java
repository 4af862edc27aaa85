package com.trellis.deals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recorded stage histories of many deals at once (a page of an export): each stage
 * the deal reached with the moment it got there, oldest first.
 */
@Repository
class DealHistories {

	private final JdbcClient jdbc;

	DealHistories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, List<ImportedDeal.Move>> of(Collection<Long> ids) {
		var histories = new HashMap<Long, List<ImportedDeal.Move>>();
		if (ids.isEmpty()) {
			return histories;
		}
		this.jdbc.sql("""
				SELECT opportunity_id, to_stage, changed_at FROM opportunity_stage_change
				WHERE opportunity_id = ANY (CAST(:ids AS BIGINT[])) ORDER BY opportunity_id, changed_at, id
				""")
			.param("ids", com.trellis.shared.SqlIds.array(ids))
			.query((rs, n) -> histories.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
				.add(new ImportedDeal.Move(Stage.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant())))
			.list();
		return histories;
	}

}
