package com.trellis.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overlaps of a partner's list with the vendor's accounts: the matrix of counts and each
 * cell's records, for the partner's PAM and program admins (the PAM view: records sorted
 * by our open pipeline, with their owners); and for vendor staff on one account, which
 * partners have it on their list (the AE view), never the rest of a partner's list.
 */
@Service
public class Overlaps {

	/** The cells of the matrix, in the order shown. */
	public static final List<String> CELLS = List.of("CUSTOMER_X_OPEN_OPPORTUNITY", "CUSTOMER_X_PROSPECT",
			"CUSTOMER_X_CUSTOMER", "PROSPECT_X_OPEN_OPPORTUNITY", "PROSPECT_X_PROSPECT", "PROSPECT_X_CUSTOMER",
			"GREENFIELD", "POSSIBLE");

	/** Every matched overlap of the list, whatever its cell: the PAM's working list. */
	public static final String ALL = "ALL";

	private final OverlapRepository overlaps;

	private final Partners partners;

	private final OverlapShowings showings;

	Overlaps(OverlapRepository overlaps, Partners partners, OverlapShowings showings) {
		this.overlaps = overlaps;
		this.partners = partners;
		this.showings = showings;
	}

	/** Every cell's count, zero included, in {@link #CELLS} order. */
	@Transactional(readOnly = true)
	public Map<String, Long> matrix(Viewer viewer, long partnerId) {
		requireManages(viewer, partnerId);
		var counts = new LinkedHashMap<String, Long>();
		CELLS.forEach(cell -> counts.put(cell, 0L));
		this.overlaps.counts(partnerId).forEach(c -> counts.put(c.cell(), c.count()));
		return counts;
	}

	/**
	 * The overlaps of one cell, sorted by our open pipeline (greenfield has none), each
	 * with our account's owner to introduce; showing them to the viewer is noted.
	 */
	@Transactional
	public List<OverlapRecord> records(Viewer viewer, long partnerId, String cell) {
		requireManages(viewer, partnerId);
		if (cell == null || !(CELLS.contains(cell) || ALL.equals(cell)) || cell.equals("GREENFIELD")) {
			throw InvalidInputException.of("cell", "must be ALL, one of " + String.join(", ", CELLS.subList(0, 6))
					+ " or POSSIBLE (greenfield is counted only)");
		}
		var records = this.overlaps.records(partnerId, cell);
		if (!"POSSIBLE".equals(cell)) {
			records.forEach(r -> this.showings.shown(viewer.userId(), r.accountId(), List.of(partnerId)));
		}
		return records;
	}

	void requireManages(Viewer viewer, long partnerId) {
		if (viewer.isPartnerUser()) {
			// its own partner exists for it: refused (403); another partner's is not
			// there (404)
			if (viewer.partnerId() != partnerId) {
				throw new NotFoundException("Partner", partnerId);
			}
			throw new AccessDeniedException("The overlap matrix is for the partner's PAM and program admins");
		}
		// a partner that does not exist is not found, also by an admin (try11: 403)
		this.partners.get(viewer, partnerId);
		if (!viewer.is(Role.ADMIN, Role.PAM) || !this.partners.manages(viewer, partnerId)) {
			throw new AccessDeniedException("The overlap matrix is for the partner's PAM and program admins");
		}
	}

}
