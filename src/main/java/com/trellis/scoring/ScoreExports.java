package com.trellis.scoring;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.trellis.identity.Viewer;
import com.trellis.shared.CsvExport;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The score list as CSV, and the sort orders a list accepts. */
final class ScoreExports {

	static final Set<String> SORTS = Set.of("partner", "readiness", "behaviour", "trust");

	private ScoreExports() {
	}

	/** The sort asked for; an unknown one is refused naming {@code sort}. */
	static String sort(String sort) {
		if (sort == null || sort.isBlank()) {
			return "partner";
		}
		if (!SORTS.contains(sort)) {
			throw InvalidInputException.of("sort", "must be one of partner, readiness, behaviour, trust");
		}
		return sort;
	}

	static void write(PartnerScores scores, Viewer viewer, String sort, HttpServletResponse response)
			throws IOException {
		CsvExport.write(response, "partner-scores.csv",
				List.of("partner_id", "partner", "fiscal_week", "readiness", "readiness_change", "behaviour",
						"behaviour_change", "trust", "trust_change", "unknown_reason"),
				page -> scores.list(viewer, sort, new PageRequest(page, PageRequest.MAX_SIZE)),
				l -> Arrays.asList(l.partnerId(), l.partnerName(), l.fiscalWeek(), l.readiness(), l.readinessChange(),
						l.behaviour(), l.behaviourChange(), l.trust(), l.trustChange(), l.unknownReason()));
	}

}
