package com.trellis.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.trellis.activity.ActivityImport;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvImport;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis activity format: {@code source_id, type, occurred_at} with
 * {@code partner_id} or {@code partner_source_id}, optional {@code user_email} and
 * {@code detail}. Each event is written once per {@code source_id}; a later file with
 * other values for the same id corrects the event. The type is a signal code
 * ({@code PORTAL_LOGIN}, {@code TRAINING_COMPLETED}, or any other upper-case code of
 * letters, digits and underscores); the moment is ISO with an offset, or local to the
 * business time zone, and not in the future.
 */
@Component
class ActivityRows {

	static final String OBJECT = "ActivityEvent";

	static final List<String> REQUIRED = List.of("source_id", "type", "occurred_at");

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final ActivityImport activity;

	private final FormatPartners partners;

	private final FormatRecords records;

	private final Users users;

	private final BusinessCalendar calendar;

	private final Clock clock;

	ActivityRows(ActivityImport activity, FormatPartners partners, FormatRecords records, Users users,
			BusinessCalendar calendar, Clock clock) {
		this.activity = activity;
		this.partners = partners;
		this.records = records;
		this.users = users;
		this.calendar = calendar;
		this.clock = clock;
	}

	void plan(Viewer viewer, CsvImport file, FormatPlan plan) {
		var knownPartners = this.partners.known(file);
		var known = this.records.targets(OBJECT,
				file.rows().stream().map(r -> r.get("source_id").strip()).filter(s -> !s.isEmpty()).toList());
		var seen = new HashSet<String>();
		var now = this.clock.instant();
		for (var row : file.rows()) {
			plan.rows++;
			var cells = new FormatCells(file, row, plan.errors);
			if (!cells.complete()) {
				continue;
			}
			int before = plan.errors.size();
			var sourceId = cells.line("source_id", 254, true);
			if (sourceId != null && !sourceId.isEmpty() && !seen.add(sourceId)) {
				cells.error("source_id", sourceId, "appears twice in the file");
			}
			var type = cells.text("type").toUpperCase(Locale.ROOT);
			if (!TYPE.matcher(type).matches()) {
				cells.error("type", cells.text("type"),
						"is not a signal code (upper-case letters, digits and _, such as PORTAL_LOGIN)");
			}
			var at = moment(cells, now);
			var detail = cells.line("detail", 1000, false);
			var partnerId = this.partners.resolve(viewer, cells, knownPartners);
			Long userId = user(cells, partnerId);
			if (plan.errors.size() > before) {
				continue;
			}
			var text = detail.isEmpty() ? null : detail;
			var eventId = known.get(sourceId);
			var existing = eventId == null ? null : this.activity.find(eventId).orElse(null);
			if (existing == null) {
				plan.create(() -> this.records.save(OBJECT, sourceId,
						this.activity.create(partnerId, userId, type, at, text), this.clock.instant()));
			}
			else if (existing.partnerId() == partnerId && Objects.equals(existing.userId(), userId)
					&& existing.type().equals(type) && existing.occurredAt().equals(at)
					&& Objects.equals(existing.detail(), text)) {
				plan.unchanged();
			}
			else {
				plan.update(() -> this.activity.update(existing.id(), partnerId, userId, type, at, text));
			}
		}
	}

	private Instant moment(FormatCells cells, Instant now) {
		var text = cells.text("occurred_at");
		if (text.isEmpty()) {
			cells.error("occurred_at", text, "is required");
			return null;
		}
		var parsed = SourceValues.moment(text, this.calendar.zone());
		if (parsed.refusal() != null) {
			cells.error("occurred_at", text, parsed.refusal());
			return null;
		}
		if (parsed.value().isAfter(now)) {
			cells.error("occurred_at", text, "is in the future");
			return null;
		}
		return parsed.value();
	}

	/** A vendor user, or a user of the row's partner; null when the cell is empty. */
	private Long user(FormatCells cells, Long partnerId) {
		var email = cells.text("user_email");
		if (email.isEmpty()) {
			return null;
		}
		var user = this.users.byEmail(email);
		if (user.isEmpty()) {
			cells.error("user_email", email, "is no user of this program");
			return null;
		}
		var other = user.get().partnerId();
		if (other != null && partnerId != null && !other.equals(partnerId)) {
			cells.error("user_email", email, "is a user of another partner");
			return null;
		}
		return user.get().id();
	}

}
