package com.trellis.guidance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.trellis.accounts.AccountView;
import com.trellis.deals.CreditType;
import com.trellis.deals.DealSource;
import com.trellis.deals.OpportunityView;
import com.trellis.deals.Stage;
import com.trellis.readiness.AssessmentView;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IcpAndProofRulesTests {

	private static final Icp ICP = Icp.of(List.of("Manufacturing", " Logistics "), List.of("201-1000", "1001-5000"),
			List.of("de", "AT"));

	@Test
	void anEarlyDealWithACustomerOutsideTheIcpIsToBeRequalifiedNamingEachMiss() {
		var deal = deal(41, "Kestrel rollout", Stage.QUALIFIED);
		var account = account("Kestrel Retail", "Retail", "1-50", "DE");

		var advice = IcpRules.mismatch(deal, account, ICP).orElseThrow();

		assertThat(advice.kind()).isEqualTo(Kind.ICP_MISMATCH);
		assertThat(advice.title()).isEqualTo("Check the fit of Kestrel rollout with the ideal customer profile");
		assertThat(advice.reason()).isEqualTo("Kestrel Retail is in Retail (the program targets the industries"
				+ " Logistics, Manufacturing) and has 1-50 employees (the program targets the sizes 201-1000,"
				+ " 1001-5000). Kestrel rollout is still in Qualified: requalify it, or bring in a partner that serves"
				+ " such customers, before more work goes into it.");
		assertThat(advice.subject()).isEqualTo("deal:41:icp");
		assertThat(advice.actionLink()).isEqualTo("/opportunities/41");
		assertThat(advice.partnerId()).isEqualTo(7L);
	}

	@Test
	void aCustomerInsideTheIcpALateDealUnknownFactsAndAProgramWithoutIcpRaiseNothing() {
		var fits = account("Kestrel Works", "manufacturing", "201-1000", "AT");
		assertThat(IcpRules.mismatch(deal(41, "Fits", Stage.REGISTERED), fits, ICP)).isEmpty();

		var outside = account("Kestrel Retail", "Retail", "1-50", "US");
		assertThat(IcpRules.mismatch(deal(42, "Late", Stage.JOINT_WORKING), outside, ICP)).isEmpty();
		assertThat(IcpRules.mismatch(deal(43, "Early", Stage.REGISTERED), outside, Icp.of(null, null, null))).isEmpty();

		var unknown = account("Kestrel Unknown", null, null, null);
		assertThat(IcpRules.mismatch(deal(44, "Unknown", Stage.QUALIFIED), unknown, ICP)).isEmpty();
	}

	@Test
	void aBandOrCountryNoAccountCanHaveABlankOrLongIndustryAndTooManyValuesAreEachNamed() {
		assertThat(Icp.problems(List.of("Retail", " ", "x".repeat(61)), List.of("201-1000", "50-100"),
				List.of("de", "Germany", "UK")))
			.extracting(FieldError::field)
			.containsExactly("industries[1]", "industries[2]", "employeeBands[1]", "countries[1]", "countries[2]");
		assertThat(Icp.problems(null, null, java.util.Collections.nCopies(21, "DE"))).extracting(FieldError::field)
			.containsExactly("countries");
		assertThat(Icp.problems(List.of("Retail"), List.of("5000+"), List.of("de"))).isEmpty();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Icp.of(List.of(), List.of("50-100"), List.of()))
			.satisfies(ex -> assertThat(ex.errors()).singleElement()
				.satisfies(e -> assertThat(e.message()).startsWith("must be one of 1-50, 51-200")));
		assertThat(Icp.of(null, null, List.of("de")).countries()).containsExactly("DE");
	}

	@Test
	void aPartnerIsToldWhichUseCasesNoWinProvesAndWhichWonDealsItCouldAttach() {
		var latest = assessment(3,
				List.of(new AssessmentView.Item("Dispatch automation", 90L, true),
						new AssessmentView.Item("Fleet telemetry", null, false)),
				List.of(new AssessmentView.Item("SAP logistics", 95L, false)));
		var won = List.of(won(90, "Dispatch at Quillon", "2026-09-01"), won(91, "Telemetry at Voxel", "2026-10-15"),
				won(92, "Routing at Navvy", "2026-11-02"));

		var advice = ProofRules.beforeIntroduction(7, latest, won).orElseThrow();

		assertThat(advice.kind()).isEqualTo(Kind.PROOF_POINTS);
		assertThat(advice.title()).isEqualTo("Attach proof before asking for an introduction");
		assertThat(com.trellis.shared.StoredFigures.render(advice.reason(), java.util.Locale.US))
			.isEqualTo("In version 3 of your readiness assessment, use case \"Fleet telemetry\""
					+ " and specialisation \"SAP logistics\" have no won deal as proof; account executives are introduced"
					+ " to partners whose claims a won deal proves. Won deals you could attach: Routing at Navvy (deal 92,"
					+ " USD 10,000.00), Telemetry at Voxel (deal 91, USD 10,000.00).");
		assertThat(advice.subject()).isEqualTo("partner:7:proof:v3");
		assertThat(advice.actionLink()).isEqualTo("/partners/7/readiness");
	}

	@Test
	void aPartnerWithoutAssessmentIsToldToNameItsUseCasesAndOneWithEverythingProvenIsToldNothing() {
		var none = ProofRules.beforeIntroduction(7, null, List.of()).orElseThrow();
		assertThat(none.reason()).isEqualTo("You have not described your use cases yet; account executives are"
				+ " introduced to partners whose claims a won deal proves. You have no won deal left to attach: your"
				+ " next win is the proof.");
		assertThat(none.subject()).isEqualTo("partner:7:proof:none");

		var proven = assessment(2, List.of(new AssessmentView.Item("Dispatch automation", 90L, true)), List.of());
		assertThat(ProofRules.beforeIntroduction(7, proven, List.of(won(90, "Dispatch", "2026-09-01")))).isEmpty();
	}

	private static OpportunityView deal(long id, String name, Stage stage) {
		return new OpportunityView(id, 5, "Kestrel", name, new BigDecimal("50000.00"), "USD", stage,
				LocalDate.of(2027, 3, 31), 3, DealSource.PARTNER, 7L, CreditType.SOURCED, new BigDecimal("20"),
				Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"), null);
	}

	private static OpportunityView won(long id, String name, String closed) {
		return new OpportunityView(id, 5, "Kestrel", name, new BigDecimal("10000.00"), "USD", Stage.CLOSED_WON,
				LocalDate.parse(closed), 3, DealSource.PARTNER, 7L, CreditType.SOURCED, new BigDecimal("20"),
				Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"),
				Instant.parse(closed + "T12:00:00Z"));
	}

	private static AccountView account(String name, String industry, String band, String country) {
		return new AccountView(5, name, null, industry, band, 3L, Instant.EPOCH, Instant.EPOCH, country);
	}

	private static AssessmentView assessment(int version, List<AssessmentView.Item> useCases,
			List<AssessmentView.Item> specialisations) {
		return new AssessmentView(100, 7, version, "ACCEPTED", "Mid-size logistics firms in the DACH region", useCases,
				2, 1, specialisations, 3, null, Instant.EPOCH, "p", null, null, null);
	}

}
