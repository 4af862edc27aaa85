package com.trellis.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.trellis.activity.ActivityEvent;
import com.trellis.activity.ActivityImport;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvImport;

import org.springframework.stereotype.Component;

/**
 * Plans the Trellis activity format: {@code type, occurred_at} with {@code partner_id} or
 * {@code partner_source_id}, optional {@code user_email} and {@code detail}, and per row
 * {@code id} or {@code source_id}. Each event of another system is written once per
 * {@code source_id}; a later file with other values for the same source id corrects the
 * event. An {@code id} (the activity export's) names an event of this program: a row
 * equal to it is unchanged, and a row that differs is refused, for a recorded event is
 * never rewritten by a file (docs/decisions.md). The type is a signal code
 * ({@code PORTAL_LOGIN}, {@code TRAINING_COMPLETED}, or any other upper-case code of
 * letters, digits and underscores); the moment is ISO with an offset, or local to the
 * business time zone, and not in the future.
 */
@Component
class ActivityRows {

	static final String OBJECT = "ActivityEvent";

	static final List<String> REQUIRED = List.of("type", "occurred_at");

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
		var now = this.clock.instant();
		KeyedRows.plan(this.records, OBJECT, "an activity event", file, plan, this.activity::find, (cells, existing,
				sourceId, before) -> planRow(viewer, cells, existing, sourceId, knownPartners, now, plan, before));
	}

	private void planRow(Viewer viewer, FormatCells cells, ActivityEvent existing, String sourceId,
			Map<String, Long> knownPartners, Instant now, FormatPlan plan, int before) {
		if (existing != null && !this.partners.ofBook(viewer, existing.partnerId())) {
			// another system's event of a partner outside the PAM's book is not theirs to
			// move or change, whatever partner the row names (try71a)
			cells.error(cells.id("id") != null ? "id" : "source_id",
					cells.text(cells.id("id") != null ? "id" : "source_id"),
					"is an event of a partner that is not of your book");
			return;
		}
		if (this.partners.outsideBook(viewer, cells, knownPartners)) {
			this.partners.resolve(viewer, cells, knownPartners);
			return;
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
			return;
		}
		var text = detail.isEmpty() ? null : detail;
		if (existing == null) {
			plan.create(() -> this.records.save(OBJECT, sourceId,
					this.activity.create(partnerId, userId, type, at, text), this.clock.instant()));
		}
		else if (existing.partnerId() == partnerId && Objects.equals(existing.userId(), userId)
				&& existing.type().equals(type) && existing.occurredAt().equals(at)
				&& Objects.equals(existing.detail(), text)) {
			plan.unchanged();
		}
		else if (cells.id("id") != null) {
			cells.error("id", String.valueOf(existing.id()), "is an event Trellis recorded: its partner, type, "
					+ "moment, user and detail are kept as they are (give the row a source_id instead of the id "
					+ "to import it as another system's event)");
		}
		else {
			plan.update(() -> this.activity.update(existing.id(), partnerId, userId, type, at, text));
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
