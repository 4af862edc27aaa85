package com.trellis.process;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.deals.Stage;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.Commands;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program admin's configuration of the sales process's stages: names, owners, exit
 * criteria and checklists, norms and which open stages are used; audited as
 * {@code sales-process/stages}.
 */
@Service
public class StageConfiguration {

	private final ProcessRepository process;

	private final AuditLog audit;

	private final Clock clock;

	private final Commands commands;

	StageConfiguration(ProcessRepository process, AuditLog audit, Clock clock, Commands commands) {
		this.process = process;
		this.audit = audit;
		this.clock = clock;
		this.commands = commands;
	}

	/**
	 * Saves the admin's changes to the stages (the API's list: a bad field is named after
	 * its item, {@code stages[1].ownerRole}; a stage given twice is refused). Between two
	 * and four open stages stay active; a deal sitting in a stage that is switched off
	 * stays there and can still move on.
	 */
	@Transactional
	public List<StageDefinition> configure(Viewer viewer, List<StageDefinition> changes) {
		return configure(viewer, changes, i -> "stages[" + i + "].");
	}

	/** As {@link #configure(Viewer, List)} for the page's form of one stage. */
	@Transactional
	public List<StageDefinition> configure(Viewer viewer, StageDefinition change) {
		return configure(viewer, List.of(change), i -> "");
	}

	private List<StageDefinition> configure(Viewer viewer, List<StageDefinition> changes,
			java.util.function.IntFunction<String> item) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin configures the sales process");
		}
		changes.forEach(this.commands::check);
		var errors = new ArrayList<InvalidInputException.FieldError>();
		var codes = new java.util.HashMap<Stage, Integer>();
		for (int i = 0; i < changes.size(); i++) {
			var prefix = item.apply(i);
			changes.get(i)
				.problems()
				.forEach(p -> errors.add(new InvalidInputException.FieldError(prefix + p.field(), p.message())));
			var first = codes.putIfAbsent(changes.get(i).code(), i);
			if (first != null) {
				errors.add(new InvalidInputException.FieldError(prefix + "code", "stage " + changes.get(i).code()
						+ " is given twice (stages[" + first + "] and stages[" + i + "]); give each stage once"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		var before = this.process.stages();
		var merged = new ArrayList<StageDefinition>();
		for (var stage : before) {
			var change = changes.stream().filter(c -> c.code() == stage.code()).findFirst().orElse(stage);
			boolean active = stage.code() == Stage.REGISTERED || stage.closed() || change.active();
			merged.add(new StageDefinition(stage.code(), stage.position(), change.name(), change.ownerRole(),
					change.exitCriterion(), change.checklist(), change.normDays(), active));
		}
		long open = merged.stream().filter(s -> s.active() && !s.closed()).count();
		if (open < 2) {
			throw InvalidInputException.of("active", "keep at least two open stages (4 stages in all)");
		}
		var now = this.clock.instant();
		merged.forEach(stage -> this.process.save(stage, now));
		var after = this.process.stages();
		this.audit.record(viewer.actor(), "sales-process", "stages", "configured", before, after);
		return after;
	}

}
