package com.trellis.cadence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException;

/**
 * The cadence page's rows (issue 15): with many PAMs the page listed a row for each PAM
 * and one-to-one (the admin's page took 1.1 s on the large dataset). With more than
 * {@link #SHOWN_PAMS} PAMs and none chosen, a per-PAM meeting shows as one row per week
 * naming how many PAMs it is held with, and the PAM is chosen above the table; with a PAM
 * chosen, the page shows the program's meetings and that PAM's. With few PAMs every row
 * shows, as before. The iCalendar export and the API still give every meeting.
 *
 * @param rows the rows shown, in the calendar's order
 * @param pams each PAM with a meeting in the quarter (id to name, in the calendar's
 * order), offered for choosing when they are summarised or one is chosen; empty otherwise
 * @param chosen the PAM chosen, or null
 */
record CalendarRows(List<Row> rows, Map<Long, String> pams, Long chosen) {

	/** More PAMs than this are summarised unless one is chosen. */
	static final int SHOWN_PAMS = 20;

	/**
	 * One row: a meeting, or a per-PAM meeting's week summarised over {@code pams} PAMs
	 * ({@code summary}; its entry's PAM is null and it has no pack of its own).
	 */
	record Row(Packs.Entry entry, boolean summary, int pams) {
	}

	/**
	 * The rows of the calendar's entries with {@code chosen} (null for none); a chosen id
	 * that is not a PAM of the calendar is refused naming "pam".
	 */
	static CalendarRows of(List<Packs.Entry> entries, Long chosen) {
		var pams = new LinkedHashMap<Long, String>();
		entries.stream().filter(e -> e.pamId() != null).forEach(e -> pams.putIfAbsent(e.pamId(), e.audience()));
		if (chosen != null && !pams.containsKey(chosen)) {
			throw InvalidInputException.of("pam", "no PAM with id " + chosen + " meets in this quarter");
		}
		var rows = new ArrayList<Row>();
		if (chosen != null) {
			entries.stream()
				.filter(e -> e.pamId() == null || e.pamId().equals(chosen))
				.forEach(e -> rows.add(new Row(e, false, 1)));
			return new CalendarRows(List.copyOf(rows), pams, chosen);
		}
		if (pams.size() <= SHOWN_PAMS) {
			entries.forEach(e -> rows.add(new Row(e, false, 1)));
			return new CalendarRows(List.copyOf(rows), Map.of(), null);
		}
		Packs.Entry last = null;
		for (var e : entries) {
			if (e.pamId() == null) {
				rows.add(new Row(e, false, 1));
			}
			else if (last == null || last.pamId() == null || last.week() != e.week() || last.meeting() != e.meeting()) {
				rows.add(new Row(new Packs.Entry(e.quarter(), e.week(), e.day(), e.startsAt(), e.meeting(), null, null),
						true, pams.size()));
			}
			last = e;
		}
		return new CalendarRows(List.copyOf(rows), pams, null);
	}

}
