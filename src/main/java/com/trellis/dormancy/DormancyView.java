package com.trellis.dormancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partner seen for dormancy: last signal, the rule's decision, the diagnosis with its
 * evidence, and the re-engagement sequence if one runs.
 */
public record DormancyView(long partnerId, String lifecycle, Instant lastSignal, boolean dormant, String reason,
		String cause, String evidence, Sequence sequence) {

	public record Sequence(long id, String cause, String status, Instant startedAt, List<Step> steps) {
	}

	public record Step(long id, StepKind kind, LocalDate dueOn, Instant doneAt, String note) {
	}

}
