package com.trellis.identity;

import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * A module's rule for who may see one kind of its records, run before any read under the
 * record's path is bound or validated ({@link ReadersBeforeBinding}): a viewer who may
 * not see the record gets 404 (or 403) whatever query parameters they send, never a 400
 * naming one. The module's facade still checks again, and may refuse more, when it reads.
 *
 * <p>
 * Each rule names its records' paths as templates whose last variable is the record's id,
 * e.g. {@code /api/v1/partners/{id}} and {@code /partners/{id}}, or a part of a record
 * with a rule of its own ({@code /partners/{id}/overlaps}); a {@code GET} or {@code HEAD}
 * whose handler's pattern is one of them, or lies under one ({@code /…/{id}/tier},
 * {@code /…/{id}.csv}), is checked. An id that is not a whole number passes: the read
 * names it afterwards. A module declares its rule as a bean:
 *
 * <pre>
 * &#64;Component
 * static class Seen extends SeenRecord {
 * 	Seen(Deals deals) {
 * 		super(deals::get, "/api/v1/opportunities/{id}", "/opportunities/{id}");
 * 	}
 * }
 * </pre>
 */
public abstract class SeenRecord {

	private final ObjLongConsumer<Viewer> rule;

	private final List<String> paths;

	/**
	 * @param rule refuses a viewer who may not see the record with the id: 404
	 * ({@link com.trellis.shared.NotFoundException}) when it is hidden from them, 403
	 * ({@link org.springframework.security.access.AccessDeniedException}) when they may
	 * know it exists but not read it; the facade's own read or check
	 * @param paths the record's path templates, each with the id as its last variable
	 */
	protected SeenRecord(ObjLongConsumer<Viewer> rule, String... paths) {
		this.rule = rule;
		this.paths = List.of(paths);
	}

	List<String> paths() {
		return this.paths;
	}

	void requireSees(Viewer viewer, long id) {
		this.rule.accept(viewer, id);
	}

}
