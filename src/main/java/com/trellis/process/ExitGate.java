package com.trellis.process;

import java.util.List;
import java.util.Set;

/**
 * A deal leaves a stage forward only when every item of the stage's exit checklist is
 * ticked.
 */
final class ExitGate {

	private ExitGate() {
	}

	static List<String> missing(StageDefinition stage, Set<String> ticked) {
		return stage.checklist().stream().filter(item -> !ticked.contains(item)).toList();
	}

}
