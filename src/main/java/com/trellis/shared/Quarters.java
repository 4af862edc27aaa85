package com.trellis.shared;

import java.time.LocalDate;

/**
 * Calendar quarters: where one starts and how it is named ("2026-Q4").
 */
public final class Quarters {

	private Quarters() {
	}

	public static LocalDate start(LocalDate anyDay) {
		return anyDay.withDayOfMonth(1).withMonth(((anyDay.getMonthValue() - 1) / 3) * 3 + 1);
	}

	public static String label(LocalDate anyDay) {
		return anyDay.getYear() + "-Q" + ((anyDay.getMonthValue() - 1) / 3 + 1);
	}

}
