package com.trellis.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.trellis.deals.OpportunityView;

/**
 * A deal seen through the process: where it is, what its stage still needs, who must act,
 * and how long it spent in each stage.
 */
public record DealProcess(OpportunityView deal, List<StageDefinition> path, StageDefinition current,
		List<ChecklistItem> checklist, List<String> missing, String actor, boolean canAct, Duration timeInStage,
		boolean stalled, List<StageTime> timeline, JointOwners jointOwners, String disqualification) {

	/**
	 * The open stages the deal may move back to, the nearest first, so the move-back
	 * form's first choice is one stage back (try70b: it offered the earliest first, and a
	 * deal sent back without a look went back two stages).
	 */
	@com.fasterxml.jackson.annotation.JsonIgnore
	public List<StageDefinition> stagesBack() {
		return this.path.stream()
			.filter(s -> !s.closed() && s.position() < this.current.position())
			.sorted(java.util.Comparator.comparingInt(StageDefinition::position).reversed())
			.toList();
	}

	public record ChecklistItem(String item, boolean ticked) {
	}

	public record StageTime(String stage, Instant entered, Duration spent) {
	}

}
