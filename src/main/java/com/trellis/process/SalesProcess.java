package com.trellis.process;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.trellis.process.StageOwners.stage;

import com.trellis.audit.AuditLog;
import com.trellis.deals.Deals;
import com.trellis.deals.Stage;
import com.trellis.deals.StageNorm;
import com.trellis.deals.StalledDeal;
import com.trellis.identity.Viewer;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.validation.FreeText;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process module's facade: the stages ({@link StageConfiguration} changes them), tick
 * exit checklists, advance, move back, disqualify, and list stalled deals.
 */
@Service
public class SalesProcess {

	private final ProcessRepository process;

	private final Deals deals;

	private final AuditLog audit;

	private final Clock clock;

	private final Commands commands;

	private final StageActors actors;

	private final StageOwners owners;

	SalesProcess(ProcessRepository process, Deals deals, AuditLog audit, Clock clock, Commands commands,
			StageActors actors, StageOwners owners) {
		this.owners = owners;
		this.actors = actors;
		this.commands = commands;
		this.process = process;
		this.deals = deals;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StageDefinition> stages() {
		return this.process.stages();
	}

	@Transactional(readOnly = true)
	public DealProcess of(Viewer viewer, long opportunityId) {
		var deal = this.deals.get(viewer, opportunityId);
		var stages = this.process.stages();
		var current = stage(stages, deal.stage());
		var ticked = this.process.ticked(opportunityId, deal.stage());
		var checklist = current.checklist()
			.stream()
			.map(i -> new DealProcess.ChecklistItem(i, ticked.contains(i)))
			.toList();
		var now = this.clock.instant();
		var inStage = Duration.between(deal.stageEnteredAt(), now);
		var history = this.deals.stageHistory(viewer, opportunityId);
		var timeline = new ArrayList<DealProcess.StageTime>();
		for (int i = 0; i < history.size(); i++) {
			var entered = history.get(i).changedAt();
			var left = i + 1 < history.size() ? history.get(i + 1).changedAt()
					: deal.stage().isClosed() ? entered : now;
			timeline.add(new DealProcess.StageTime(stage(stages, history.get(i).to()).name(), entered,
					Duration.between(entered, left)));
		}
		var path = stages.stream().filter(s -> s.active() || s.code() == deal.stage()).toList();
		return new DealProcess(deal, path, current, checklist, ExitGate.missing(current, ticked),
				this.actors.of(viewer, deal, current),
				!deal.stage().isClosed() && this.owners.owns(viewer, deal, current), inStage,
				!deal.stage().isClosed() && StageNorm.stalled(inStage, current.normDays()), timeline,
				this.process.jointOwners(opportunityId).orElse(null),
				this.process.disqualification(opportunityId).orElse(null));
	}

	@Transactional
	public DealProcess tick(Viewer viewer, long opportunityId, String item, boolean ticked) {
		var deal = this.deals.get(viewer, opportunityId);
		var current = stage(this.process.stages(), deal.stage());
		this.owners.require(viewer, deal, current);
		if (!current.checklist().contains(item)) {
			throw InvalidInputException.of("item",
					"\"" + com.trellis.shared.Quoted.of(item) + "\" is not on the " + current.name() + " checklist");
		}
		if (ticked) {
			this.process.tick(opportunityId, deal.stage(), item, viewer.userId(), this.clock.instant());
		}
		else {
			this.process.untick(opportunityId, deal.stage(), item);
		}
		this.audit.record(viewer.actor(), "opportunity", opportunityId,
				(ticked ? "ticked " : "unticked ") + current.name() + ": " + item, null, null);
		return of(viewer, opportunityId);
	}

	/**
	 * Moves the deal to the next active stage once the current stage's checklist is
	 * complete.
	 */
	@Transactional
	public DealProcess advance(Viewer viewer, long opportunityId) {
		return advance(viewer, opportunityId, null);
	}

	/**
	 * Advances the deal from the stage the caller saw ({@code seen}, null when the caller
	 * does not say); refused with a conflict when it has moved since.
	 */
	@Transactional
	public DealProcess advance(Viewer viewer, long opportunityId, Stage seen) {
		var deal = this.deals.get(viewer, opportunityId);
		var stages = this.process.stages();
		var current = stage(stages, deal.stage());
		StageOwners.requireSeen(stages, deal, seen);
		this.owners.require(viewer, deal, current);
		if (deal.stage().isClosed()) {
			throw new ConflictException("stage", "the deal is closed; only an open deal moves on");
		}
		var missing = ExitGate.missing(current, this.process.ticked(opportunityId, deal.stage()));
		if (!missing.isEmpty()) {
			throw InvalidInputException.of("checklist",
					current.name() + " is not complete; still missing: " + String.join(", ", missing));
		}
		if (deal.stage() == Stage.JOINT_WORKING && this.process.jointOwners(opportunityId).isEmpty()) {
			throw InvalidInputException.of("jointOwners",
					"name who owns the customer relationship and who owns the technical work");
		}
		var next = stages.stream()
			.filter(s -> s.active() && s.position() > current.position())
			.findFirst()
			.orElseThrow();
		this.deals.moveStage(viewer, opportunityId, deal.stage(), next.code(),
				"advanced: " + current.name() + " → " + next.name(), false);
		return of(viewer, opportunityId);
	}

	@Transactional
	public DealProcess moveBack(Viewer viewer, long opportunityId, Stage to, String reason) {
		return moveBack(viewer, opportunityId, to, reason, null);
	}

	@Transactional
	public DealProcess moveBack(Viewer viewer, long opportunityId, Stage to, String reason, Stage seen) {
		var deal = this.deals.get(viewer, opportunityId);
		var stages = this.process.stages();
		StageOwners.requireSeen(stages, deal, seen);
		this.owners.require(viewer, deal, stage(stages, deal.stage()));
		FreeText.required("reason", reason, FreeText.NOTE, "say why the deal moves back");
		if (to == null || to.isClosed() || stage(stages, to).position() >= stage(stages, deal.stage()).position()) {
			throw InvalidInputException.of("toStage", "pick an earlier open stage");
		}
		this.deals.moveStage(viewer, opportunityId, deal.stage(), to,
				"moved back to " + stage(stages, to).name() + ": " + reason.strip(), false);
		return of(viewer, opportunityId);
	}

	@Transactional
	public DealProcess disqualify(Viewer viewer, long opportunityId, String reason) {
		return disqualify(viewer, opportunityId, reason, null);
	}

	@Transactional
	public DealProcess disqualify(Viewer viewer, long opportunityId, String reason, Stage seen) {
		var deal = this.deals.get(viewer, opportunityId);
		var stages = this.process.stages();
		StageOwners.requireSeen(stages, deal, seen);
		this.owners.require(viewer, deal, stage(stages, deal.stage()));
		// a missing reason is bad input (400) whatever the stage, naming a closed deal
		// with
		// it; a closed deal with a reason is a conflict (409)
		ConflictException.afterInput(
				() -> FreeText.required("reason", reason, FreeText.NOTE, "a disqualification needs a reason"),
				deal.stage().isClosed()
						? new ConflictException("stage", "the deal is closed; only an open deal moves on") : null);
		this.process.disqualify(opportunityId, reason.strip(), viewer.userId(), this.clock.instant());
		this.deals.moveStage(viewer, opportunityId, deal.stage(), Stage.CLOSED_LOST, reason.strip(), true);
		return of(viewer, opportunityId);
	}

	@Transactional
	public DealProcess setJointOwners(Viewer viewer, long opportunityId, JointOwners owners) {
		var deal = this.deals.get(viewer, opportunityId);
		this.owners.require(viewer, deal, stage(this.process.stages(), deal.stage()));
		// the page form's names too (try70a: a control character and 5,000 characters
		// saved)
		this.commands.check(owners);
		this.process.saveJointOwners(opportunityId, owners, viewer.userId(), this.clock.instant());
		this.audit.record(viewer.actor(), "opportunity", opportunityId, "joint working owners set", null, owners);
		return of(viewer, opportunityId);
	}

	/** Deals past their stage's norm, each with who must act. */
	@Transactional(readOnly = true)
	public PageResult<Stalled> stalled(Viewer viewer, PageRequest page) {
		return stalledOwnedBy(viewer, null, page);
	}

	/**
	 * Deals past their stage's norm owned by one of {@code owners} (a manager's team;
	 * everyone's when null), each with who must act.
	 */
	@Transactional(readOnly = true)
	public PageResult<Stalled> stalledOwnedBy(Viewer viewer, List<Long> owners, PageRequest page) {
		return stalled(viewer, owners, null, page);
	}

	/** Deals past their stage's norm with one of {@code partners} (a PAM's book). */
	@Transactional(readOnly = true)
	public PageResult<Stalled> stalledOfPartners(Viewer viewer, List<Long> partners, PageRequest page) {
		return stalled(viewer, null, partners, page);
	}

	private PageResult<Stalled> stalled(Viewer viewer, List<Long> owners, List<Long> partners, PageRequest page) {
		var stages = this.process.stages();
		Map<Stage, Integer> norms = new EnumMap<>(Stage.class);
		stages.stream().filter(s -> !s.closed()).forEach(s -> norms.put(s.code(), s.normDays()));
		var found = this.deals.stalled(viewer, norms, owners, partners, page);
		var dealStages = found.items().stream().map(s -> stage(stages, s.deal().stage())).toList();
		// the page's actors from one reading of the people they name
		var actors = this.actors.of(viewer, found.items().stream().map(StalledDeal::deal).toList(), dealStages);
		var rows = new ArrayList<Stalled>(found.items().size());
		for (int i = 0; i < actors.size(); i++) {
			rows.add(new Stalled(found.items().get(i), dealStages.get(i).name(), actors.get(i)));
		}
		return new PageResult<>(rows, found.page(), found.size(), found.total(), found.totalExact());
	}

	public record Stalled(StalledDeal stalled, String stageName, String actor) {
	}

	/**
	 * Refuses a viewer who does not own the deal's current stage: 404 when they cannot
	 * see the deal, 403 otherwise.
	 */
	@Transactional(readOnly = true)
	public void requireStageOwner(Viewer viewer, long opportunityId) {
		var deal = this.deals.get(viewer, opportunityId);
		this.owners.require(viewer, deal, stage(this.process.stages(), deal.stage()));
	}

}
