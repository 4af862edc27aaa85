package com.trellis.metrics;

import java.util.List;
import java.util.Set;

import com.trellis.identity.Viewer;

/**
 * The KPIs whose denominator is the whole program's (every partner's deals with the
 * vendor's): pipeline contribution, sourced and influenced (the whole open pipeline), and
 * co-sell share (every opportunity created). A partner user gets them by their numerator
 * alone, without value, denominator or baseline, and with {@link #HIDDEN} as the reason,
 * since the share and its denominator would tell one partner the sum of the others'
 * deals; vendor staff get them whole.
 */
final class ProgramShares {

	static final Set<String> CODES = Set.of("PIPELINE_SOURCED", "PIPELINE_INFLUENCED", "CO_SELL_SHARE");

	static final String HIDDEN = "a share of the whole program's figures, shown to the vendor's staff only";

	private ProgramShares() {
	}

	/** The KPIs as the viewer may see them (nulls, for KPIs not computed, kept). */
	static List<Kpi> shownTo(Viewer viewer, List<Kpi> kpis) {
		if (!viewer.isPartnerUser()) {
			return kpis;
		}
		return kpis.stream()
			.map(kpi -> kpi != null && CODES.contains(kpi.code()) ? kpi.numeratorOnly(HIDDEN) : kpi)
			.toList();
	}

}
