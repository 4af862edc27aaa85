package com.trellis.identity;

import java.util.function.ObjLongConsumer;

/**
 * An {@link ActsOn} rule for a write on a record that only a role may make (checked
 * before, by the role rule), which refuses a record that does not exist with 404 before
 * the request's body is read: a caller learns the same whatever body they send (s72: an
 * unknown webhook, play, cohort, user or spend entry was 400 for a bad body and 404 for a
 * good one). A module declares it for its record as a bean whose rule is its facade's
 * read, which throws {@link com.trellis.shared.NotFoundException}.
 */
public abstract class ExistingRecord implements AccessCheck {

	private final ObjLongConsumer<Viewer> rule;

	protected ExistingRecord(ObjLongConsumer<Viewer> rule) {
		this.rule = rule;
	}

	@Override
	public void check(Viewer viewer, Request request) {
		var id = request.id();
		if (id != null) {
			this.rule.accept(viewer, id);
		}
	}

}
