package com.trellis.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.trellis.deals.CreditType;
import com.trellis.deals.DealSource;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.fit.FitList;
import com.trellis.fit.PartnerFit;
import com.trellis.fit.SimilarDeal;
import com.trellis.partners.PartnerType;
import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FitRulesTests {

	private static final PartnerFit SKYLINE = new PartnerFit(1, 7, "Skyline", PartnerType.SI, new BigDecimal("9.0"), 3,
			10, new BigDecimal("80.0"), null,
			List.of(new SimilarDeal(71, "Orbital – rollout", 4, List.of("industry Aerospace", "country DE")),
					new SimilarDeal(72, "Jetstream – sensors", 2, List.of("industry Aerospace"))),
			1, "3 similar won deals worth 10 points (1 alike in every trait), trust 80.0: weight 0.9, fit 9.0", false);

	private static final PartnerFit HANGAR = new PartnerFit(2, 8, "Hangar", PartnerType.SI, new BigDecimal("2.0"), 1, 4,
			null, "not scored yet",
			List.of(new SimilarDeal(81, "Contrail – renewal", 4, List.of("industry Aerospace"))), 0,
			"1 similar won deal worth 4 points", false);

	@Test
	void anEarlyDealWithoutPartnerGetsItsBestFittingPartnerWithTheNamedSimilarDealsAsTheReason() {
		var advice = FitRules.partnerFit(deal(Stage.QUALIFIED, null), list(SKYLINE, HANGAR)).orElseThrow();

		assertThat(advice.kind()).isEqualTo(Kind.PARTNER_FIT);
		assertThat(advice.partnerId()).isEqualTo(7L);
		assertThat(advice.opportunityId()).isEqualTo(41L);
		assertThat(advice.subject()).as("one per deal, whichever partner fits").isEqualTo("deal:41");
		assertThat(advice.title()).isEqualTo("Bring Skyline into Kestrel rollout");
		assertThat(StoredFigures.render(advice.reason(), Locale.US))
			.isEqualTo("Skyline won 3 deals with customers like Kestrel rollout's in the last"
					+ " 730 days: Orbital – rollout (industry Aerospace, country DE); Jetstream – sensors (industry"
					+ " Aerospace); and 1 more not named here. 3 similar won deals worth 10 points (1 alike in every"
					+ " trait), trust 80.0: weight 0.9, fit 9.0.");
		assertThat(StoredFigures.render(advice.reason(), Locale.US)).as("another partner's deals are not the reason")
			.doesNotContain("Contrail");
		assertThat(advice.actionLink()).isEqualTo("/opportunities/41#partner-fit");
		assertThat(advice.outcome()).isEqualTo(Outcome.DEAL_PARTNER);
	}

	@Test
	void aDealWithAPartnerLateInTheProcessOrWithoutAFittingPartnerGetsNoPartnerFit() {
		assertThat(FitRules.partnerFit(deal(Stage.QUALIFIED, 9L), list(SKYLINE))).isEmpty();
		assertThat(FitRules.partnerFit(deal(Stage.COMMIT, null), list(SKYLINE))).isEmpty();
		assertThat(FitRules.partnerFit(deal(Stage.CLOSED_WON, null), list(SKYLINE))).isEmpty();
		assertThat(FitRules.partnerFit(deal(Stage.JOINT_WORKING, null), list())).isEmpty();
		assertThat(FitRules.partnerFit(deal(Stage.REGISTERED, null), list(SKYLINE))).isPresent();
	}

	private static FitList list(PartnerFit... fits) {
		return new FitList(41, "Aerospace", "201-1000", "DE", "25,000–100,000", 730, List.of(fits), null);
	}

	private static OpportunityView deal(Stage stage, Long partnerId) {
		return new OpportunityView(41, 5, "Kestrel", "Kestrel rollout", new BigDecimal("60000"), "USD", stage,
				LocalDate.of(2026, 3, 1), 3, partnerId == null ? DealSource.DIRECT : DealSource.PARTNER, partnerId,
				partnerId == null ? null : CreditType.SOURCED, null, Instant.EPOCH, Instant.EPOCH, null);
	}

}
