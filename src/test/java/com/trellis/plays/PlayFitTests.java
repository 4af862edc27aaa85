package com.trellis.plays;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.trellis.deals.Stage;
import com.trellis.partners.PartnerType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlayFitTests {

	private static final PlayFit.Deal QUALIFIED_SI = new PlayFit.Deal(Stage.QUALIFIED, "Manufacturing", false,
			PartnerType.SI, List.of("Healthcare"), List.of("Cloud migration", "Managed services"));

	@Test
	void aPlayForThePartnersTypeVerticalCapabilityAndTheStagesMomentFitsWithItsReason() {
		var play = play(1, "Shop-floor discovery", SalesMoment.DISCOVERY, List.of(PartnerType.SI, PartnerType.ISV),
				List.of("manufacturing"), List.of("Cloud migration"));
		var fit = PlayFit.of(play, QUALIFIED_SI).orElseThrow();
		assertThat(fit.reason()).isEqualTo("for system integrator partners; vertical manufacturing (the customer's "
				+ "industry); capability Cloud migration (the partner's); the discovery moment of a deal at Qualified");
		assertThat(fit.specific()).isEqualTo(2);
	}

	@Test
	void aPlayForAnotherPartnerTypeVerticalCapabilityOrMomentDoesNotFit() {
		assertThat(PlayFit.of(
				play(1, "Resale", SalesMoment.DISCOVERY, List.of(PartnerType.RESELLER), List.of(), List.of()),
				QUALIFIED_SI))
			.isEmpty();
		assertThat(PlayFit.of(
				play(2, "Banks", SalesMoment.DISCOVERY, List.of(PartnerType.SI), List.of("Banking"), List.of()),
				QUALIFIED_SI))
			.isEmpty();
		assertThat(PlayFit.of(
				play(3, "Data", SalesMoment.DISCOVERY, List.of(PartnerType.SI), List.of(), List.of("Data engineering")),
				QUALIFIED_SI))
			.isEmpty();
		assertThat(
				PlayFit.of(play(4, "Cold call", SalesMoment.PROSPECTING, List.of(PartnerType.SI), List.of(), List.of()),
						QUALIFIED_SI))
			.isEmpty();
	}

	@Test
	void theSalesMomentFollowsTheStageAndExpansionNeedsACustomerWhoBoughtBefore() {
		var objection = play(1, "Reference call", SalesMoment.OBJECTION, List.of(PartnerType.SI), List.of(), List.of());
		var expansion = play(2, "Second project", SalesMoment.EXPANSION, List.of(PartnerType.SI), List.of(), List.of());
		var commit = new PlayFit.Deal(Stage.COMMIT, "Retail", false, PartnerType.SI, List.of(), List.of());
		assertThat(PlayFit.of(objection, commit).orElseThrow().reason())
			.endsWith("the objection handling moment of a deal at Commit");
		assertThat(PlayFit.of(expansion, commit)).isEmpty();
		var boughtBefore = new PlayFit.Deal(Stage.REGISTERED, "Retail", true, PartnerType.SI, List.of(), List.of());
		assertThat(PlayFit.of(expansion, boughtBefore).orElseThrow().reason())
			.endsWith("expansion: the customer has bought from us before");
	}

	@Test
	void aPartnersOwnVerticalFitsWhenTheCustomersIndustryDoesNot() {
		var play = play(1, "Clinical", SalesMoment.DISCOVERY, List.of(PartnerType.SI), List.of("Healthcare"),
				List.of());
		assertThat(PlayFit.of(play, QUALIFIED_SI).orElseThrow().reason())
			.contains("vertical Healthcare (the partner's)");
	}

	@Test
	void specificPlaysComeFirstUsedOnesAreLeftOutAndADealWithoutPartnerGetsNone() {
		var any = play(1, "Any discovery", SalesMoment.DISCOVERY, List.of(PartnerType.SI), List.of(), List.of());
		var specific = play(2, "Migration discovery", SalesMoment.DISCOVERY, List.of(PartnerType.SI), List.of(),
				List.of("Cloud migration"));
		var used = play(3, "Used already", SalesMoment.DISCOVERY, List.of(PartnerType.SI), List.of(), List.of());
		assertThat(PlayFit.recommend(List.of(any, used, specific), QUALIFIED_SI, Set.of(3L)))
			.extracting(r -> r.play().title())
			.containsExactly("Migration discovery", "Any discovery");
		var noPartner = new PlayFit.Deal(Stage.QUALIFIED, "Retail", false, null, List.of(), List.of());
		assertThat(PlayFit.recommend(List.of(any, specific), noPartner, Set.of())).isEmpty();
	}

	private static PlayView play(long id, String title, SalesMoment moment, List<PartnerType> types,
			List<String> verticals, List<String> capabilities) {
		return new PlayView(id, 1, 1, title, moment, PlayRole.AE, "CIO", "why", "when", "problem", types, verticals,
				capabilities, Instant.parse("2026-01-01T00:00:00Z"), 1);
	}

}
