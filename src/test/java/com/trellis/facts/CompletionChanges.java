package com.trellis.facts;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import com.trellis.identity.Role;
import com.trellis.support.Fixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The random enablement changes the facts' property tests share: a partner user with a
 * job role, a completion added (some never expiring, some expiring before they were
 * completed, so never held), a completion removed or re-dated, an item made optional or
 * required again. Each change returns the name the tests count it under ("nothing" when
 * it found no row). Users are {@code long[] {userId, partnerId}}.
 */
record CompletionChanges(Fixtures fixtures, JdbcClient jdbc) {

	/** A new partner user of the partner with the job role (null: none). */
	long[] partnerUser(long partner, String jobRole) {
		var user = this.fixtures.user(Role.PARTNER, partner, null);
		this.jdbc.sql("UPDATE app_user SET job_role = :role WHERE id = :id")
			.param("role", jobRole)
			.param("id", user.userId())
			.update();
		return new long[] { user.userId(), partner };
	}

	/** A completion of a random item by the user on a random day of the span. */
	String complete(Random random, List<Long> items, long[] user, LocalDate first, int spanDays) {
		var completed = first.plusDays(random.nextInt(spanDays));
		var expires = random.nextInt(3) == 0 ? null : completed.plusDays(random.nextInt(500) - 30);
		this.jdbc.sql("""
				INSERT INTO enablement_completion (item_id, user_id, partner_id, completed_on, expires_on, source,
				    recorded_by, recorded_at)
				VALUES (:item, :user, :partner, :on, :expires, 'ADMIN', :user, now()) ON CONFLICT DO NOTHING
				""")
			.param("item", items.get(random.nextInt(items.size())))
			.param("user", user[0])
			.param("partner", user[1])
			.param("on", Date.valueOf(completed))
			.param("expires", expires == null ? null : Date.valueOf(expires), java.sql.Types.DATE)
			.update();
		return "completion";
	}

	/** One of the user's completions removed, or its expiry moved to a random day. */
	String removeOrRedate(Random random, long[] user) {
		boolean remove = random.nextBoolean();
		var sql = remove ? "DELETE FROM enablement_completion WHERE id = (%s)"
				: "UPDATE enablement_completion SET expires_on = completed_on + :days WHERE id = (%s)";
		var spec = this.jdbc
			.sql(sql.formatted("SELECT id FROM enablement_completion WHERE user_id = :user ORDER BY random() LIMIT 1"))
			.param("user", user[0]);
		if (!remove) {
			spec = spec.param("days", random.nextInt(400));
		}
		return spec.update() == 1 ? (remove ? "completion removed" : "completion re-dated") : "nothing";
	}

	/** The item made optional if it was required, and required again if it was not. */
	String toggle(long item) {
		this.jdbc.sql("UPDATE enablement_item SET required = NOT required WHERE id = :id").param("id", item).update();
		return "item toggled";
	}

	/** The item required again (after a test that toggled it). */
	void require(long item) {
		this.jdbc.sql("UPDATE enablement_item SET required = TRUE WHERE id = :id").param("id", item).update();
	}

}
