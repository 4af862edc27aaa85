package com.trellis.plans;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leaver's open account plans in a hand-over (try84: the plans stayed with the
 * deactivated owner, whom the week-3 pack named as "our owner"): each open plan the
 * leaver owns on the vendor's side goes to the receiver; closed plans keep who owned
 * them.
 */
@Service
public class PlanHandover {

	private final JdbcClient jdbc;

	private final Clock clock;

	PlanHandover(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Gives every open plan the user owns to another (program admins only; the caller
	 * checks the receiver and audits the whole hand-over).
	 * @return the ids of the plans moved
	 */
	@Transactional
	public List<Long> handOverOpen(Viewer viewer, long fromOwnerId, long toOwnerId) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin hands over a user's account plans");
		}
		return this.jdbc.sql("""
				UPDATE account_plan SET vendor_owner_id = :to, updated_at = :now
				WHERE vendor_owner_id = :from AND status = 'OPEN' RETURNING id
				""")
			.param("to", toOwnerId)
			.param("from", fromOwnerId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.list();
	}

	/** How many open plans a user owns on the vendor's side. */
	@Transactional(readOnly = true)
	public long countOpenOwnedBy(long ownerId) {
		return this.jdbc.sql("SELECT count(*) FROM account_plan WHERE vendor_owner_id = :owner AND status = 'OPEN'")
			.param("owner", ownerId)
			.query(Long.class)
			.single();
	}

}
