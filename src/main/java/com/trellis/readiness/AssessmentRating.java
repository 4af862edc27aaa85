package com.trellis.readiness;

import java.util.ArrayList;
import java.util.List;

import com.trellis.shared.Plural;
import com.trellis.shared.StoredFigures;

/**
 * Turns a validated assessment into 0–100 points with the reason for each part: ICP
 * defined (15), repeatable use cases (30: 10 each with a won deal as proof, 3 without),
 * sales-process maturity (20: 5 per level of 0–4), packaged offers (10: 5 each, up to 2),
 * go-to-market material (10: the PAM's average rating, 1 star = 0, 5 stars = 10),
 * specialisation (5: per specialisation backed by a won deal, up to 1), delivery
 * readiness (10: 2 per declared delivery person, up to 5).
 */
final class AssessmentRating {

	/** An ICP definition shorter than this is not a definition. */
	static final int ICP_MIN_LENGTH = 40;

	/** What the rating reads. */
	record Facts(String icpDefinition, int useCasesWithProof, int useCasesWithout, int salesProcess, int packagedOffers,
			Double materialRating, int specialisationsBacked, int deliveryStaff) {
	}

	/** Points 0–100 and the parts they come from. */
	record Rating(int points, String reason) {
	}

	private AssessmentRating() {
	}

	static Rating rate(Facts facts) {
		var parts = new ArrayList<String>();
		int points = 0;
		int icp = facts.icpDefinition() != null && facts.icpDefinition().strip().length() >= ICP_MIN_LENGTH ? 15 : 0;
		points += part(parts, icp, icp > 0 ? "ICP defined" : "ICP not defined");
		int useCases = Math.min(30, facts.useCasesWithProof() * 10 + facts.useCasesWithout() * 3);
		points += part(parts, useCases, Plural.of(facts.useCasesWithProof(), "use case") + " proven by a win, "
				+ facts.useCasesWithout() + " without proof");
		points += part(parts, Math.min(4, Math.max(0, facts.salesProcess())) * 5,
				"sales process level " + facts.salesProcess() + " of 4");
		points += part(parts, Math.min(2, facts.packagedOffers()) * 5,
				Plural.of(facts.packagedOffers(), "packaged offer"));
		int material = facts.materialRating() == null ? 0 : (int) Math.round((facts.materialRating() - 1) * 2.5);
		points += part(parts, material, facts.materialRating() == null ? "no material rated by the PAM"
				: "material rated " + StoredFigures.number(facts.materialRating(), 1) + " of 5 by the PAM");
		points += part(parts, Math.min(1, facts.specialisationsBacked()) * 5,
				Plural.of(facts.specialisationsBacked(), "specialisation") + " backed by a win");
		points += part(parts, Math.min(5, facts.deliveryStaff()) * 2, facts.deliveryStaff() + " delivery staff");
		return new Rating(points, String.join("; ", parts));
	}

	private static int part(List<String> parts, int points, String what) {
		parts.add(what + " (" + points + ")");
		return points;
	}

}
