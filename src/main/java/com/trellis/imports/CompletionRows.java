package com.trellis.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;

import com.trellis.enablement.CompletionFormatImport;
import com.trellis.enablement.CompletionFormatImport.Completion;
import com.trellis.identity.Role;
import com.trellis.identity.UserSummary;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.CsvImport;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis enablement completions format: {@code item} (a course or
 * certification code) and {@code completed_on} (yyyy-mm-dd, not in the future), the
 * partner user by {@code user_id} or {@code email}, optional {@code source_id}. A
 * completion is the same one when its source id was imported before, or else when the
 * user completed the item on that day already: importing a file again changes nothing,
 * and a later file with other values for a source id corrects that completion. The
 * export's {@code id} column names a recorded completion: an edited export corrects the
 * completion it names instead of adding one.
 */
@Component
class CompletionRows {

	static final String OBJECT = "EnablementCompletion";

	static final List<String> REQUIRED = List.of("item", "completed_on");

	private final CompletionFormatImport completions;

	private final FormatRecords records;

	private final Users users;

	private final Partners partners;

	private final Clock clock;

	CompletionRows(CompletionFormatImport completions, FormatRecords records, Users users, Partners partners,
			Clock clock) {
		this.clock = clock;
		this.completions = completions;
		this.records = records;
		this.users = users;
		this.partners = partners;
	}

	void plan(Viewer viewer, CsvImport file, FormatPlan plan) {
		var known = this.records.targets(OBJECT,
				file.rows().stream().map(r -> r.get("source_id").strip()).filter(s -> !s.isEmpty()).toList());
		var sources = new java.util.HashMap<String, Long>();
		var ids = new HashSet<Long>();
		var keys = new java.util.HashMap<String, Long>();
		for (var row : file.rows()) {
			plan.next(row);
			var cells = new FormatCells(file, row, plan.errors);
			if (!cells.complete()) {
				continue;
			}
			int before = plan.errors.size();
			var sourceId = cells.line("source_id", 254, false);
			var first = sourceId == null || sourceId.isEmpty() ? null : sources.putIfAbsent(sourceId, cells.number());
			if (first != null) {
				cells.error("source_id", sourceId, "appears twice in the file (row " + first + ")");
			}
			var byId = recorded(viewer, cells, ids);
			var user = user(viewer, cells);
			var item = cells.text("item").toUpperCase(Locale.ROOT);
			if (item.isEmpty()) {
				cells.error("item", item, "is required");
			}
			else if (!this.completions.isItem(item)) {
				cells.error("item", cells.text("item"), "is no course or certification of the program");
			}
			var day = day(cells);
			if (plan.errors.size() > before) {
				continue;
			}
			var firstRow = keys.putIfAbsent(user.id() + ":" + item + ":" + day, cells.number());
			if (firstRow != null) {
				cells.error("completed_on", day.toString(),
						"repeats a completion of the same user and item in the file (row " + firstRow + ")");
				continue;
			}
			var sameDay = this.completions.find(user.id(), item, day);
			var targetId = sourceId.isEmpty() ? null : known.get(sourceId);
			var imported = byId != null ? byId : targetId == null ? null : this.completions.find(targetId).orElse(null);
			if (imported != null && byId == null && !viewer.is(Role.ADMIN)
					&& !this.partners.manages(viewer, imported.partnerId())) {
				// another system's completion of a partner outside the PAM's book is not
				// theirs to move to their own user (try71a, as the activity format)
				cells.error("source_id", sourceId, "is a completion of a partner that is not of your book");
				continue;
			}
			if (imported == null && sameDay.isPresent()) {
				plan.unchanged();
			}
			else if (imported == null) {
				plan.create(() -> {
					long id = this.completions.create(viewer, user, item, day);
					if (!sourceId.isEmpty()) {
						this.records.save(OBJECT, sourceId, id, this.clock.instant());
					}
				});
			}
			else if (same(imported, user, item, day)) {
				plan.unchanged();
			}
			else if (sameDay.isPresent()) {
				cells.error("completed_on", day.toString(), "is already recorded for this user and item");
			}
			else {
				plan.update(() -> this.completions.correct(viewer, imported.id(), user, item, day));
			}
		}
	}

	/**
	 * The recorded completion the row's {@code id} names (the export's own column), or
	 * null without one or after an error: it must be a completion of this program, of a
	 * partner the viewer imports for, named once in the file.
	 */
	private Completion recorded(Viewer viewer, FormatCells cells, Set<Long> ids) {
		var id = cells.id("id");
		if (id == null) {
			return null;
		}
		var found = this.completions.find(id)
			.filter(c -> viewer.is(Role.ADMIN) || this.partners.manages(viewer, c.partnerId()))
			.orElse(null);
		if (found == null) {
			cells.error("id", id.toString(), "is no completion of a partner you import for");
			return null;
		}
		if (!ids.add(id)) {
			cells.error("id", id.toString(), "appears twice in the file");
			return null;
		}
		return found;
	}

	private static boolean same(Completion completion, UserSummary user, String item, LocalDate day) {
		return completion.userId() == user.id() && completion.item().equals(item)
				&& completion.completedOn().equals(day);
	}

	/** The partner user of the row, or null after an error. */
	private UserSummary user(Viewer viewer, FormatCells cells) {
		var id = cells.id("user_id");
		var column = id == null ? "email" : "user_id";
		var value = cells.text(column);
		if (id == null && !cells.text("user_id").isEmpty()) {
			return null;
		}
		if (value.isEmpty()) {
			cells.empty("email", "or user_id is required: the partner user who completed the item");
			return null;
		}
		var user = id == null ? this.users.partnerUserByEmail(value) : this.users.find(id);
		var found = user.filter(u -> u.role() == Role.PARTNER && u.partnerId() != null).orElse(null);
		if (found == null) {
			cells.error(column, value, "is no partner user of this program");
			return null;
		}
		if (!viewer.is(Role.ADMIN) && !this.partners.manages(viewer, found.partnerId())) {
			cells.error(column, value, "is not a user of a partner of your book");
			return null;
		}
		return found;
	}

	private LocalDate day(FormatCells cells) {
		var text = cells.text("completed_on");
		if (text.isEmpty()) {
			cells.error("completed_on", text, "is required");
			return null;
		}
		try {
			var day = LocalDate.parse(text);
			var problem = this.completions.dateProblem(day);
			if (problem.isPresent()) {
				cells.error("completed_on", text, problem.get());
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			cells.error("completed_on", text, SourceValues.noDay(text).isPresent() ? "names no day of the calendar"
					: "is not a date (yyyy-mm-dd)");
			return null;
		}
	}

}
