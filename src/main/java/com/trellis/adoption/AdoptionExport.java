package com.trellis.adoption;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.metrics.Period;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.CsvExport;
import com.trellis.shared.validation.ValueLimits;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The adoption page's teams and reps as CSV ({@code GET /adoption/export.csv}, the page's
 * {@code from} and {@code to}, a bad one named, 400): a {@code TEAM} row per team (its
 * reps' counts added up, {@link TeamAdoption}) and a {@code REP} row per rep of the
 * reader's scope, each with the counts behind its rates, so a spreadsheet can add them up
 * again. Rates are percent with one decimal, cycle days the mean over the won deals,
 * empty where nothing was closed; the period's days in the program's time zone.
 */
@Controller
@PreAuthorize("!hasRole('PARTNER')")
class AdoptionExport {

	static final List<String> HEADER = List.of("level", "rep_id", "name", "team", "reps", "period_from", "period_to",
			"deals", "partner_deals", "partner_share_pct", "adopted", "compliant", "registrations", "won_with_partner",
			"closed_with_partner", "win_rate_with_partner_pct", "cycle_days_with_partner", "won_without",
			"closed_without", "win_rate_without_pct", "cycle_days_without", "leads_received", "leads_accepted",
			"leads_follow_up_due", "leads_followed_up_in_time");

	private final Adoption adoption;

	private final BusinessCalendar calendar;

	private final ValueLimits limits;

	AdoptionExport(Adoption adoption, BusinessCalendar calendar, ValueLimits limits) {
		this.adoption = adoption;
		this.calendar = calendar;
		this.limits = limits;
	}

	@com.trellis.shared.ExportSnapshot
	@GetMapping("/adoption/export.csv")
	void export(Viewer viewer, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, HttpServletResponse response) throws IOException {
		this.adoption.mayView(viewer);
		var period = Period.chosen(from, to, this.calendar, this.limits);
		var reps = this.adoption.reps(viewer, period);
		var rows = new ArrayList<List<?>>();
		rows.add(HEADER);
		TeamAdoption.of(reps).forEach(t -> rows.add(row("TEAM", null, t.team(), t.team(), t.reps(), period, t)));
		reps.forEach(r -> rows.add(row("REP", r.repId(), r.rep(), r.team(), 1, period, r)));
		CsvExport.writeRows(response, "adoption.csv", rows);
	}

	private static List<?> row(String level, Long repId, String name, String team, int reps, Period period,
			AdoptionLine line) {
		var closed = line.closed();
		var leads = line.leads();
		return Arrays.asList(level, repId, name, team, reps, period.from(), period.to(), line.deals(),
				line.partnerDeals(), line.partnerShare(), line.adopted(), line.compliant(), line.registrations(),
				closed.wonWithPartner(), closed.closedWithPartner(), line.winRateWithPartner(),
				line.cycleDaysWithPartner(), closed.wonWithout(), closed.closedWithout(), line.winRateWithout(),
				line.cycleDaysWithout(), leads.received(), leads.accepted(), leads.followUpDue(),
				leads.followedUpInTime());
	}

}
