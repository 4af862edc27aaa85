package com.trellis.fit;

import java.math.BigDecimal;
import java.util.List;

import com.trellis.fit.FitRanking.Candidate;
import com.trellis.fit.FitRanking.Win;
import com.trellis.partners.LifecycleStatus;
import com.trellis.partners.PartnerType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FitRankingTests {

	@Test
	void thePartnerWithTheMostSimilarWinsAndGoodTrustRanksFirstWithItsDealsNamed() {
		var northwind = candidate(1, "Northwind", "80", LifecycleStatus.ACTIVE, win(11, "Acme – rollout", 4),
				win(12, "Globex – migration", 3), win(13, "Initech – renewal", 2));
		var contoso = candidate(2, "Contoso", "95", LifecycleStatus.ACTIVE, win(21, "Umbrella – pilot", 4));
		var fabrikam = candidate(3, "Fabrikam", null, LifecycleStatus.ACTIVE, win(31, "Hooli – build", 4),
				win(32, "Vandelay – audit", 4));

		var ranked = FitRanking.rank(List.of(contoso, fabrikam, northwind));

		assertThat(ranked).extracting(PartnerFit::partnerName).containsExactly("Northwind", "Fabrikam", "Contoso");
		var first = ranked.get(0);
		assertThat(first.rank()).isEqualTo(1);
		assertThat(first.fit()).isEqualByComparingTo("8.1");
		assertThat(first.named()).extracting(SimilarDeal::name)
			.containsExactly("Acme – rollout", "Globex – migration", "Initech – renewal");
		assertThat(first.reason())
			.isEqualTo("3 similar won deals worth 9 points (1 alike in every trait), trust 80.0: weight 0.9, fit 8.1");
		assertThat(ranked.get(1).fit()).isEqualByComparingTo("4.0");
		assertThat(ranked.get(2).fit()).isEqualByComparingTo("3.9");
	}

	@Test
	void aPartnerOfUnknownTrustIsWeighedAsTrustZeroAndSaysWhy() {
		var unknown = candidate(3, "Fabrikam", null, LifecycleStatus.ACTIVE, win(31, "Hooli – build", 4),
				win(32, "Vandelay – audit", 4));
		var fit = FitRanking.rank(List.of(unknown)).get(0);
		assertThat(fit.fit()).isEqualByComparingTo("4.0");
		assertThat(fit.reason()).contains("trust unknown (not scored yet), weighed as 0: weight 0.5");
	}

	@Test
	void onlyDealsTheViewerMayOpenAreNamedAndTheRestAreCounted() {
		var partner = candidate(1, "Northwind", "60", LifecycleStatus.ACTIVE, win(11, "Acme – rollout", 4),
				new Win(12, "Hidden Customer – secret", 4, List.of("industry Retail"), false),
				win(13, "Globex – migration", 2), win(14, "Initech – renewal", 1), win(15, "Soylent – pilot", 1));
		var fit = FitRanking.rank(List.of(partner)).get(0);
		assertThat(fit.named()).extracting(SimilarDeal::name)
			.containsExactly("Acme – rollout", "Globex – migration", "Initech – renewal")
			.doesNotContain("Hidden Customer – secret");
		assertThat(fit.unnamed()).isEqualTo(2);
		assertThat(fit.similarWon()).isEqualTo(5);
	}

	@Test
	void dormantAndSunsetPartnersAndPartnersWithoutSimilarWinsAreLeftOut() {
		var ranked = FitRanking.rank(List.of(candidate(1, "Asleep", "90", LifecycleStatus.DORMANT, win(1, "A", 4)),
				candidate(2, "Leaving", "90", LifecycleStatus.SUNSET, win(2, "B", 4)),
				candidate(3, "Nothing", "90", LifecycleStatus.ACTIVE),
				candidate(4, "New", "10", LifecycleStatus.ONBOARDING, win(4, "D", 1))));
		assertThat(ranked).extracting(PartnerFit::partnerName).containsExactly("New");
	}

	@Test
	void atMostFivePartnersAreShownAndEqualFitsGoToMoreSimilarWinsThenHigherTrust() {
		var ranked = FitRanking.rank(List.of(candidate(1, "One big win", "100", LifecycleStatus.ACTIVE, win(1, "A", 4)),
				candidate(2, "Four small wins", "100", LifecycleStatus.ACTIVE, win(2, "B", 1), win(3, "C", 1),
						win(4, "D", 1), win(5, "E", 1)),
				candidate(3, "P3", "10", LifecycleStatus.ACTIVE, win(6, "F", 1)),
				candidate(4, "P4", "20", LifecycleStatus.ACTIVE, win(7, "G", 1)),
				candidate(5, "P5", "30", LifecycleStatus.ACTIVE, win(8, "H", 1)),
				candidate(6, "P6", "40", LifecycleStatus.ACTIVE, win(9, "I", 1))));
		assertThat(ranked).hasSize(5);
		assertThat(ranked).extracting(PartnerFit::partnerName)
			.containsExactly("Four small wins", "One big win", "P6", "P5", "P4");
	}

	private static Candidate candidate(long id, String name, String trust, LifecycleStatus status, Win... wins) {
		return new Candidate(id, name, PartnerType.SI, status, trust == null ? null : new BigDecimal(trust),
				trust == null ? "not scored yet" : null, List.of(wins), false);
	}

	private static Win win(long id, String name, int points) {
		return new Win(id, name, points, List.of("industry Retail"), true);
	}

}
