package com.trellis.process;

import java.util.List;

import com.trellis.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The viewer's own open deals whose current stage the viewer's role owns and whose exit
 * checklist still has items to tick: the deals that wait on them, closing soonest first.
 */
@Component
public class OpenChecklists {

	private final JdbcClient jdbc;

	OpenChecklists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param opportunityId the deal
	 * @param dealName its name
	 * @param stageName the current stage's name
	 * @param open checklist items still to tick
	 * @param total checklist items of the stage
	 */
	public record Waiting(long opportunityId, String dealName, String stageName, int open, int total) {
	}

	@Transactional(readOnly = true)
	public List<Waiting> of(Viewer viewer, int limit) {
		return this.jdbc.sql("""
				SELECT o.id, o.name, s.name AS stage_name,
				       (SELECT count(*) FROM unnest(s.checklist) AS c(item)
				        WHERE NOT EXISTS (SELECT 1 FROM deal_checklist_tick t WHERE t.opportunity_id = o.id
				                          AND t.stage = o.stage AND t.item = c.item)) AS open,
				       cardinality(s.checklist) AS total
				FROM opportunity o JOIN stage_definition s ON s.code = o.stage
				WHERE o.owner_id = :me AND s.owner_role = :role AND o.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')
				  AND cardinality(s.checklist) > 0
				  AND EXISTS (SELECT 1 FROM unnest(s.checklist) AS c(item)
				              WHERE NOT EXISTS (SELECT 1 FROM deal_checklist_tick t WHERE t.opportunity_id = o.id
				                                AND t.stage = o.stage AND t.item = c.item))
				ORDER BY o.close_date NULLS LAST, o.id
				LIMIT :limit
				""")
			.param("me", viewer.userId())
			.param("role", viewer.role().name())
			.param("limit", limit)
			.query((rs, n) -> new Waiting(rs.getLong("id"), rs.getString("name"), rs.getString("stage_name"),
					rs.getInt("open"), rs.getInt("total")))
			.list();
	}

}
