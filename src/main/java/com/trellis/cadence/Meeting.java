package com.trellis.cadence;

import java.time.Duration;
import java.util.List;

/**
 * The meetings of the quarter (§C12), the weeks they fall in and whether each PAM has
 * their own.
 */
public enum Meeting {

	WEEKLY_CALL("Weekly partner team call", weeks(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), false, 45),
	FORECAST_ONE_ON_ONE("Forecast 1:1", weeks(1), true, 30),
	LEADERSHIP_ROLLUP("Leadership roll-up of the partner forecast", weeks(1), false, 60),
	PIPELINE_PLANNING("Pipeline and account planning 1:1 (next quarter)", weeks(3), true, 45),
	CEO_CFO_ROLLUP("CEO/CFO roll-up", weeks(1, 5, 9), false, 30),
	BUSINESS_REVIEW("Business review (MBR, QBR in week 13)", weeks(8, 13), false, 90),
	ELT_REVIEW("Executive leadership review", weeks(10), false, 60);

	private final String title;

	private final List<Integer> weeks;

	private final boolean perPam;

	private final Duration length;

	Meeting(String title, List<Integer> weeks, boolean perPam, int minutes) {
		this.title = title;
		this.weeks = weeks;
		this.perPam = perPam;
		this.length = Duration.ofMinutes(minutes);
	}

	public String title() {
		return this.title;
	}

	public List<Integer> weeks() {
		return this.weeks;
	}

	/** Whether each PAM has their own meeting (a 1:1) rather than one for the program. */
	/** Its weeks as a reader says them: "week 10", "weeks 1, 5 and 9". */
	public String weeksInWords() {
		var weeks = this.weeks.stream().map(String::valueOf).toList();
		if (weeks.size() == 1) {
			return "week " + weeks.get(0);
		}
		return "weeks " + String.join(", ", weeks.subList(0, weeks.size() - 1)) + " and " + weeks.get(weeks.size() - 1);
	}

	public boolean perPam() {
		return this.perPam;
	}

	public Duration length() {
		return this.length;
	}

	public boolean fallsIn(int week) {
		return this.weeks.contains(week);
	}

	private static List<Integer> weeks(Integer... weeks) {
		return List.of(weeks);
	}

}
