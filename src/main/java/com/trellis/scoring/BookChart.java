package com.trellis.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The book as a bubble chart (Chart.js, like the app's other charts): readiness across,
 * behaviour up, trust as the marker's size; partners with an unknown readiness or
 * behaviour are left out of the chart (they stay in the table).
 */
final class BookChart {

	private BookChart() {
	}

	static Map<String, Object> of(List<ScoreLine> lines) {
		var points = new ArrayList<Map<String, Object>>();
		var labels = new ArrayList<String>();
		for (var line : lines) {
			if (line.readiness() == null || line.behaviour() == null) {
				continue;
			}
			var point = new HashMap<String, Object>();
			point.put("x", line.readiness());
			point.put("y", line.behaviour());
			point.put("r", 3 + (line.trust() == null ? 0 : line.trust().doubleValue() / 8));
			points.add(point);
			labels.add(line.partnerName());
		}
		var dataset = Map.of("label", "Partners (marker size: trust)", "data", points);
		var options = Map.of("scales",
				Map.of("x", Map.of("min", 0, "max", 100, "title", Map.of("display", true, "text", "Readiness")), "y",
						Map.of("min", 0, "max", 100, "title", Map.of("display", true, "text", "Behaviour"))),
				"plugins", Map.of("legend", Map.of("display", false)));
		return Map.of("type", "bubble", "data", Map.of("labels", labels, "datasets", List.of(dataset)), "options",
				options);
	}

}
