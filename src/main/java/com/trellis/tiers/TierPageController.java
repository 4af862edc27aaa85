package com.trellis.tiers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.Tier;
import com.trellis.shared.FormAction;
import com.trellis.shared.FormFields;
import com.trellis.shared.PageRequest;
import tools.jackson.databind.ObjectMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partner's tier page (the partner itself and vendor staff) and the card the portal
 * loads; the program's tiers page for admins and executives, where admins set the
 * thresholds and override a partner's tier or end its override.
 */
@Controller
class TierPageController {

	private final PartnerTiers tiers;

	private final ObjectMapper json;

	TierPageController(PartnerTiers tiers, ObjectMapper json) {
		this.tiers = tiers;
		this.json = json;
	}

	@GetMapping("/partners/{id}/tier")
	String partnerTier(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("card", this.tiers.card(viewer, id));
		model.addAttribute("history", this.tiers.history(viewer, id));
		return "tiers/partner";
	}

	@GetMapping("/partners/{id}/tier/card")
	String card(Viewer viewer, @PathVariable long id, Model model) {
		model.addAttribute("card", this.tiers.card(viewer, id));
		return "tiers/card :: card";
	}

	@GetMapping("/tiers")
	@PreAuthorize("hasAnyRole('ADMIN', 'EXECUTIVE')")
	String program(Viewer viewer, Model model) {
		var trend = this.tiers.trend(viewer);
		model.addAttribute("trend", trend);
		model.addAttribute("chart", this.json.writeValueAsString(chart(trend)));
		model.addAttribute("changes", this.tiers.changes(viewer, new PageRequest(0, 25)));
		model.addAttribute("overrides", this.tiers.overrides(viewer, false));
		model.addAttribute("thresholds", this.tiers.thresholds(viewer));
		model.addAttribute("thresholdsVersion", this.tiers.thresholdsVersion());
		model.addAttribute("tierValues", Tier.values());
		return "tiers/program";
	}

	@PostMapping("/tiers/thresholds")
	@PreAuthorize("hasRole('ADMIN')")
	String setThresholds(Viewer viewer, @ModelAttribute ThresholdsCommand command, BindingResult binding,
			@RequestParam(required = false) String version, RedirectAttributes redirect) {
		return FormAction.keepingVersion(redirect, version,
				FormAction.run(redirect, "/tiers", "Thresholds saved; the next weekly evaluation uses them", command,
						binding, command::validated,
						() -> this.tiers.setThresholds(viewer, command, FormFields.seenVersionIfSent(version))));
	}

	@PostMapping("/partners/{id}/tier/override")
	@PreAuthorize("hasRole('ADMIN')")
	@ActsOn(PartnerChecks.Managed.class)
	String override(Viewer viewer, @PathVariable long id, @ModelAttribute OverrideCommand command,
			BindingResult binding, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/partners/" + id + "/tier", "Tier overridden", command, binding,
				() -> this.tiers.checkOverride(command), () -> this.tiers.override(viewer, id, command));
	}

	@PostMapping("/partners/{id}/tier/override/end")
	@PreAuthorize("hasRole('ADMIN')")
	@ActsOn(PartnerChecks.Managed.class)
	String endOverride(Viewer viewer, @PathVariable long id, @ModelAttribute EndOverrideCommand command,
			BindingResult binding, RedirectAttributes redirect) {
		return FormAction.run(redirect, "/partners/" + id + "/tier",
				"Override ended; the tier follows the scores again", "endForm", command, binding,
				() -> this.tiers.checkEnd(command), () -> this.tiers.endOverride(viewer, id, command));
	}

	/** A stacked bar per week (partners per tier) with the moves up and down as lines. */
	private static Map<String, Object> chart(TierTrend trend) {
		var labels = trend.weeks().stream().map(TierTrend.Week::fiscalWeek).toList();
		var datasets = new ArrayList<Map<String, Object>>();
		datasets.add(bar(Tier.TIER_1_INVEST.label(), trend.weeks().stream().map(TierTrend.Week::tier1).toList()));
		datasets.add(bar(Tier.TIER_2_EMERGING.label(), trend.weeks().stream().map(TierTrend.Week::tier2).toList()));
		datasets.add(bar(Tier.TIER_3_BASELINE.label(), trend.weeks().stream().map(TierTrend.Week::tier3).toList()));
		datasets.add(line("Moved up", trend.weeks().stream().map(TierTrend.Week::movedUp).toList()));
		datasets.add(line("Moved down", trend.weeks().stream().map(TierTrend.Week::movedDown).toList()));
		var scales = new LinkedHashMap<String, Object>();
		scales.put("x", Map.of("stacked", true));
		scales.put("y",
				Map.of("stacked", true, "beginAtZero", true, "title", Map.of("display", true, "text", "partners")));
		scales.put("y2", Map.of("type", "linear", "position", "right", "beginAtZero", true, "grid",
				Map.of("drawOnChartArea", false), "title", Map.of("display", true, "text", "moves")));
		var options = Map.of("scales", scales);
		return Map.of("type", "bar", "data", Map.of("labels", labels, "datasets", datasets), "options", options);
	}

	private static Map<String, Object> bar(String label, List<?> values) {
		var bar = new HashMap<String, Object>();
		bar.put("label", label);
		bar.put("data", values);
		bar.put("stack", "tiers");
		bar.put("yAxisID", "y");
		return bar;
	}

	private static Map<String, Object> line(String label, List<?> values) {
		var line = new HashMap<String, Object>();
		line.put("type", "line");
		line.put("label", label);
		line.put("data", values);
		line.put("yAxisID", "y2");
		return line;
	}

}
