package com.trellis.scoring;

import com.trellis.shared.DailyFigures;

import org.springframework.stereotype.Component;

/**
 * The book of scores' stored high-potential list as one of the program's daily figure
 * sets ({@link PartnerIntelligence#storeHighPotential}); the scoring job stores it after
 * each day's scores.
 */
@Component
class HighPotentialFigures implements DailyFigures {

	private final PartnerIntelligence intelligence;

	HighPotentialFigures(PartnerIntelligence intelligence) {
		this.intelligence = intelligence;
	}

	@Override
	public boolean storeDaily() {
		return this.intelligence.storeHighPotential();
	}

}
