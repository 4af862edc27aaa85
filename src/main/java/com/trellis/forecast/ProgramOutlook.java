package com.trellis.forecast;

import java.math.BigDecimal;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.Percent;
import com.trellis.shared.ReportingCurrency;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's quarter as the executive and the admin read it on their home page, in the
 * reporting currency: bookings so far, forecast commit and best case (each with what has
 * closed), partner bookings against the program's partner target, and the partners' share
 * of the bookings.
 */
@Component
public class ProgramOutlook {

	private final Forecasts forecasts;

	private final ForecastQuotas quotas;

	private final BusinessCalendar calendar;

	ProgramOutlook(Forecasts forecasts, ForecastQuotas quotas, BusinessCalendar calendar) {
		this.forecasts = forecasts;
		this.quotas = quotas;
		this.calendar = calendar;
	}

	/**
	 * @param quarter the fiscal quarter's label
	 * @param currency the reporting currency every amount is in
	 * @param closed program bookings (closed won) so far this quarter
	 * @param commit closed plus the deals called commit
	 * @param bestCase closed plus the best-case deals
	 * @param partnerClosed bookings credited to partners so far
	 * @param partnerTarget the program's partner target for the quarter, null when none
	 * is set
	 * @param partnerTargetPercent partner bookings as a share of the target, null without
	 * one
	 * @param partnerSharePercent partner bookings as a share of all bookings, null when
	 * nothing has closed
	 */
	public record Outlook(String quarter, String currency, BigDecimal closed, BigDecimal commit, BigDecimal bestCase,
			BigDecimal partnerClosed, BigDecimal partnerTarget, BigDecimal partnerTargetPercent,
			BigDecimal partnerSharePercent) {

		/** Amounts at the reporting currency's minor units, like every money figure. */
		public Outlook {
			closed = MinorUnits.round(closed, currency);
			commit = MinorUnits.round(commit, currency);
			bestCase = MinorUnits.round(bestCase, currency);
			partnerClosed = MinorUnits.round(partnerClosed, currency);
			partnerTarget = MinorUnits.round(partnerTarget, currency);
		}
	}

	/**
	 * This quarter's outlook; the forecast's own role check applies (admin, executive).
	 */
	@Transactional(readOnly = true)
	public Outlook thisQuarter(Viewer viewer) {
		var day = this.calendar.today();
		// both roll-ups from one reading of the open deals
		var both = this.forecasts.programAndPartners(viewer, day);
		var program = both.get(0);
		var partners = both.get(1);
		var target = this.quotas.attainment(Scope.PARTNERS, day, partners).orElse(null);
		var closed = program.get("closed");
		var partnerClosed = partners.get("closed");
		return new Outlook(this.calendar.quarterOf(day).label(), ReportingCurrency.CODE, closed,
				closed.add(program.get("commit")), closed.add(program.get("bestCase")), partnerClosed,
				target == null ? null : target.quota(), target == null ? null : target.closedPercent(),
				closed.signum() == 0 ? null : Percent.of(partnerClosed, closed));
	}

}
