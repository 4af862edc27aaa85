package com.trellis.adoption;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

import com.trellis.leads.LeadFigures;

/**
 * One team's partner adoption over a period: the figures of {@link AdoptionLine} for its
 * reps together ({@code reps} of them), each count the sum of the reps' counts and each
 * rate and cycle computed from those sums (a team's win rate is won of all its closed
 * deals). A rep's team is the one set on the user; reps without one make the team "(no
 * team)".
 */
public record TeamAdoption(String team, int reps, long deals, long partnerDeals, long adopted, long compliant,
		long registrations, ClosedCounts closed,
		@com.fasterxml.jackson.annotation.JsonIgnoreProperties("repId") LeadFigures leads) implements AdoptionLine {

	/** The name of the team of reps whose user has no team. */
	static final String NO_TEAM = "(no team)";

	/** The teams of these reps, by team name. */
	static List<TeamAdoption> of(Collection<RepAdoption> reps) {
		var teams = new TreeMap<String, TeamAdoption>();
		for (var rep : reps) {
			var name = rep.team() == null ? NO_TEAM : rep.team();
			teams.merge(name, one(name, rep), TeamAdoption::plus);
		}
		return List.copyOf(teams.values());
	}

	private static TeamAdoption one(String team, RepAdoption rep) {
		var leads = rep.leads();
		return new TeamAdoption(team, 1, rep.deals(), rep.partnerDeals(), rep.adopted(), rep.compliant(),
				rep.registrations(), rep.closed(),
				new LeadFigures(0, leads.received(), leads.accepted(), leads.followUpDue(), leads.followedUpInTime()));
	}

	private TeamAdoption plus(TeamAdoption other) {
		return new TeamAdoption(this.team, this.reps + other.reps, this.deals + other.deals,
				this.partnerDeals + other.partnerDeals, this.adopted + other.adopted, this.compliant + other.compliant,
				this.registrations + other.registrations, this.closed.plus(other.closed), this.leads.plus(other.leads));
	}

}
