package com.trellis.cohorts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CohortSplitTests {

	private static final List<String> VERTICALS = List.of("Healthcare", "Retail", "Finance", "Manufacturing",
			"Public sector");

	private static final List<String> MODELS = List.of("SI", "RESELLER", "ISV", "REFERRAL", "ADVISORY");

	@Test
	void everyCohortHoldsTenToTwentyFivePartnersWhateverTheProgramSize() {
		var random = new Random(11);
		for (int size : List.of(10, 11, 24, 26, 37, 60, 133, 250, 611)) {
			var candidates = fixture(size, random);
			var groups = CohortSplit.suggest(candidates);
			assertThat(groups).as("program of %d partners", size)
				.allSatisfy(g -> assertThat(g.partnerIds()).hasSizeBetween(10, 25));
			assertThat(groups.stream().mapToInt(g -> g.partnerIds().size()).sum()).as("everyone placed once")
				.isEqualTo(size);
			assertThat(groups.stream().flatMap(g -> g.partnerIds().stream()).distinct().count()).isEqualTo(size);
			assertThat(groups.stream().map(CohortSplit.Group::key).distinct().count()).isEqualTo(groups.size());
		}
	}

	@Test
	void partnersSharingAllThreeKeysStayTogetherAndSayWhy() {
		var candidates = new ArrayList<CohortSplit.Candidate>();
		for (long id = 1; id <= 12; id++) {
			candidates.add(
					new CohortSplit.Candidate(id, MaturityBand.DEVELOPING, "Healthcare", "SI", BigDecimal.valueOf(50)));
		}
		for (long id = 13; id <= 24; id++) {
			candidates
				.add(new CohortSplit.Candidate(id, MaturityBand.ESTABLISHED, "Retail", "ISV", BigDecimal.valueOf(80)));
		}
		var groups = CohortSplit.suggest(candidates);
		assertThat(groups).extracting(CohortSplit.Group::name)
			.containsExactly("Developing · Healthcare · SI", "Established · Retail · ISV");
		assertThat(groups.get(0).basis())
			.isEqualTo("12 partners share maturity band, main vertical and delivery model");
	}

	@Test
	void smallGroupsArePooledByBandAndVerticalBeforeMixingBands() {
		var candidates = new ArrayList<CohortSplit.Candidate>();
		for (long id = 1; id <= 6; id++) {
			candidates.add(new CohortSplit.Candidate(id, MaturityBand.FOUNDATIONAL, "Retail", "SI", null));
			candidates.add(new CohortSplit.Candidate(id + 100, MaturityBand.FOUNDATIONAL, "Retail", "RESELLER", null));
		}
		var groups = CohortSplit.suggest(candidates);
		assertThat(groups).singleElement().satisfies(g -> {
			assertThat(g.name()).isEqualTo("Foundational · Retail");
			assertThat(g.basis()).contains("delivery models pooled");
			assertThat(g.partnerIds()).hasSize(12);
		});
	}

	@Test
	void aLargeGroupIsCutIntoPartsOfNeighbouringReadiness() {
		var candidates = new ArrayList<CohortSplit.Candidate>();
		for (long id = 1; id <= 30; id++) {
			candidates.add(new CohortSplit.Candidate(id, MaturityBand.DEVELOPING, "Finance", "SI",
					BigDecimal.valueOf(40 + id)));
		}
		var groups = CohortSplit.suggest(candidates);
		assertThat(groups).hasSize(2);
		assertThat(groups.get(0).name()).isEqualTo("Developing · Finance · SI (1 of 2)");
		assertThat(groups.get(0).partnerIds()).containsExactlyElementsOf(range(1, 15));
		assertThat(groups.get(1).partnerIds()).containsExactlyElementsOf(range(16, 30));
	}

	private static List<Long> range(long from, long to) {
		var ids = new ArrayList<Long>();
		for (long id = from; id <= to; id++) {
			ids.add(id);
		}
		return ids;
	}

	private static List<CohortSplit.Candidate> fixture(int size, Random random) {
		var candidates = new ArrayList<CohortSplit.Candidate>();
		for (long id = 1; id <= size; id++) {
			BigDecimal readiness = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(101));
			candidates.add(new CohortSplit.Candidate(id, MaturityBand.of(readiness),
					VERTICALS.get(random.nextInt(VERTICALS.size())), MODELS.get(random.nextInt(MODELS.size())),
					readiness));
		}
		return candidates;
	}

}
