package com.trellis.adoption;

import com.trellis.leads.LeadFigures;
import com.trellis.shared.Figures;
import com.trellis.shared.PercentFormat;

/**
 * The adoption page's rep and team tables as the text of their cells, put together once
 * per request in Java: the admin's page shows every rep (400 on the large dataset), and
 * the template's expressions per cell (a dozen per row, the lead shares computed twice)
 * took most of the page's processor time. Each cell reads as the template wrote it:
 * counts as digits, percentages through {@link PercentFormat} and the win rates and cycle
 * days through {@link Figures#points} in the reader's locale, one decimal ("50.0", "50,0"
 * in de-DE; try30: they read "50.0" to a German reader), a missing one as "—".
 */
final class AdoptionRows {

	private AdoptionRows() {
	}

	/**
	 * One row of the rep or team table: the rep's or team's name, the team's number of
	 * reps (empty for a rep), deals, share with a partner, adopted, compliant,
	 * registrations, win rates and cycle days with / without a partner, leads received,
	 * accepted (with share) and followed up in time (of due, with share).
	 */
	record Row(String name, String reps, String deals, String partnerShare, String adopted, String compliant,
			String registrations, String winRates, String cycles, String leadsReceived, String leadsAccepted,
			String leadsInTime) {
	}

	static Row rep(RepAdoption r, PercentFormat percent, Figures figures) {
		return row(r.rep(), "", r, percent, figures);
	}

	static Row team(TeamAdoption t, PercentFormat percent, Figures figures) {
		return row(t.team(), String.valueOf(t.reps()), t, percent, figures);
	}

	private static Row row(String name, String reps, AdoptionLine r, PercentFormat percent, Figures figures) {
		return new Row(name, reps, String.valueOf(r.deals()), percent.text(r.partnerShare()),
				String.valueOf(r.adopted()), String.valueOf(r.compliant()), String.valueOf(r.registrations()),
				figures.points(r.winRateWithPartner()) + " / " + figures.points(r.winRateWithout()),
				figures.days(r.cycleDaysWithPartner()) + " / " + figures.days(r.cycleDaysWithout()),
				String.valueOf(r.leads().received()), accepted(r.leads(), percent), inTime(r.leads(), percent));
	}

	/** "12" or "12 (60.0 %)". */
	private static String accepted(LeadFigures leads, PercentFormat percent) {
		var share = leads.acceptedShare();
		return leads.accepted() + (share != null ? " (" + percent.text(share) + ")" : "");
	}

	/** "3 of 5" or "3 of 5 (60.0 %)". */
	private static String inTime(LeadFigures leads, PercentFormat percent) {
		var share = leads.inTimeShare();
		return leads.followedUpInTime() + " of " + leads.followUpDue()
				+ (share != null ? " (" + percent.text(share) + ")" : "");
	}

}
