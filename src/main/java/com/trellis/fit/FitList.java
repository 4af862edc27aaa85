package com.trellis.fit;

import java.util.List;

/**
 * The partners fitting a deal, best first, with what the deal was compared on (its
 * customer's industry, employee band and country, its size band) and, when nothing can be
 * ranked, why.
 */
public record FitList(long opportunityId, String industry, String employeeBand, String country, String sizeBand,
		int windowDays, List<PartnerFit> partners, String note) {
}
