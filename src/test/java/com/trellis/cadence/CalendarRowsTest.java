package com.trellis.cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cadence page's rows (issue 15: the admin's page listed every PAM's one-to-ones, a
 * row per PAM and meeting): many PAMs are summarised into one row per meeting until one
 * is chosen; a few show as before.
 */
class CalendarRowsTest {

	/** Two weeks: a program meeting, then a one-to-one with each PAM, each week. */
	private static List<Packs.Entry> entries(int pams) {
		var entries = new ArrayList<Packs.Entry>();
		for (int week = 1; week <= 2; week++) {
			var day = LocalDate.of(2026, 10, 1).plusWeeks(week - 1);
			entries.add(new Packs.Entry("2026-Q4", week, day, null, Meeting.BUSINESS_REVIEW, null, "Program"));
			for (long pam = 1; pam <= pams; pam++) {
				entries.add(new Packs.Entry("2026-Q4", week, day, null, Meeting.FORECAST_ONE_ON_ONE, 100 + pam,
						"PAM " + pam));
			}
		}
		return entries;
	}

	@Test
	void manyPamsShowOneRowPerMeetingUntilOneIsChosen() {
		var many = entries(CalendarRows.SHOWN_PAMS + 5);
		var summarised = CalendarRows.of(many, null);
		assertThat(summarised.rows()).hasSize(4);
		assertThat(summarised.rows()).filteredOn(CalendarRows.Row::summary)
			.hasSize(2)
			.allSatisfy(row -> assertThat(row.pams()).isEqualTo(CalendarRows.SHOWN_PAMS + 5))
			.allSatisfy(row -> assertThat(row.entry().pamId()).isNull());
		assertThat(summarised.pams()).hasSize(CalendarRows.SHOWN_PAMS + 5).containsEntry(103L, "PAM 3");
		var chosen = CalendarRows.of(many, 103L);
		assertThat(chosen.rows()).extracting(row -> row.entry())
			.containsExactly(many.get(0), many.get(3), many.get(many.size() / 2), many.get(many.size() / 2 + 3));
		assertThat(chosen.rows()).noneMatch(CalendarRows.Row::summary);
		assertThat(chosen.chosen()).isEqualTo(103L);
		assertThatThrownBy(() -> CalendarRows.of(many, 99L)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.errors().get(0).field()).isEqualTo("pam"));
	}

	@Test
	void aFewPamsShowEveryRowAsBefore() {
		var few = entries(3);
		var rows = CalendarRows.of(few, null);
		assertThat(rows.rows()).extracting(CalendarRows.Row::entry).containsExactlyElementsOf(few);
		assertThat(rows.pams()).isEmpty();
	}

}
