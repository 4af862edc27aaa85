package com.trellis.imports;

import java.util.Map;

import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerFormatImport;
import com.trellis.partners.Partners;
import com.trellis.shared.CsvImport;

import org.springframework.stereotype.Component;

/**
 * Finds the partner a contact or activity row belongs to: {@code partner_id} (a partner
 * of this program) or {@code partner_source_id} (a partner imported in the Trellis
 * partner format). A PAM imports only for partners of their own book; a row for another
 * partner is refused like an unknown one would be, naming the row.
 */
@Component
class FormatPartners {

	private final PartnerFormatImport partners;

	private final Partners registry;

	private final FormatRecords records;

	FormatPartners(PartnerFormatImport partners, Partners registry, FormatRecords records) {
		this.partners = partners;
		this.registry = registry;
		this.records = records;
	}

	/** The outside partner ids of a file, resolved once. */
	Map<String, Long> known(CsvImport file) {
		var ids = file.rows().stream().map(r -> r.get("partner_source_id").strip()).filter(s -> !s.isEmpty()).toList();
		return this.records.targets(PartnerRows.OBJECT, ids);
	}

	/**
	 * Whether the row names a partner of this program outside the viewer's book (a PAM's
	 * row for another PAM's partner). Such a row is refused for that alone
	 * ({@link #resolve} names it): its other values are neither checked nor looked up, as
	 * in the plans format (try71a: the refusal also said whose user an address was).
	 */
	boolean outsideBook(Viewer viewer, FormatCells cells, Map<String, Long> known) {
		var value = cells.text("partner_id");
		Long id = value.isEmpty() ? known.get(cells.text("partner_source_id"))
				: value.matches("[1-9][0-9]{0,17}") ? Long.valueOf(value) : null;
		return id != null && !ofBook(viewer, id) && this.partners.find(id).isPresent();
	}

	/** Whether the viewer imports for this partner: an admin any, a PAM their book's. */
	boolean ofBook(Viewer viewer, long partnerId) {
		return viewer.is(Role.ADMIN) || this.registry.manages(viewer, partnerId);
	}

	/** The partner's id, or null after an error naming the column. */
	Long resolve(Viewer viewer, FormatCells cells, Map<String, Long> known) {
		var id = cells.id("partner_id");
		var column = "partner_id";
		var value = cells.text("partner_id");
		if (id == null && value.isEmpty()) {
			column = "partner_source_id";
			value = cells.text("partner_source_id");
			if (value.isEmpty()) {
				cells.empty("partner_id", "or partner_source_id is required");
				return null;
			}
			id = known.get(value);
			if (id == null) {
				cells.error(column, value, "is no partner imported in the Trellis partner format");
				return null;
			}
		}
		if (id == null) {
			return null;
		}
		if (this.partners.find(id).isEmpty()) {
			cells.error(column, value, "is no partner of this program");
			return null;
		}
		if (!ofBook(viewer, id)) {
			cells.error(column, value, "is not a partner of your book");
			return null;
		}
		return id;
	}

}
