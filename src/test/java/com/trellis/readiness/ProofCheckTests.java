package com.trellis.readiness;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.trellis.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProofCheckTests {

	@Test
	void aDealThatIsNotWonAndADealUsedTwiceAreEachNamedWithTheirOwnReason() {
		var items = List.of(new ProofItem("Stock view", 7L), new ProofItem("Returns", 7L), new ProofItem("Loyalty", 9L),
				new ProofItem("Pricing", null));
		assertThat(ProofCheck.errors("useCases", items, Set.of(7L), true)).containsExactly(
				new FieldError("useCases[1].proofDealId",
						"deal 7 already proves item 1; each won deal proves one use case"),
				new FieldError("useCases[2].proofDealId", "must be one of your won deals (deal 9 is not)"));
	}

	@Test
	void specialisationsMayShareAWinAndMissingListsOrItemsAreLeftToTheBeanValidation() {
		var items = List.of(new ProofItem("Retail", 7L), new ProofItem("Grocery", 7L));
		assertThat(ProofCheck.errors("specialisations", items, Set.of(7L), false)).isEmpty();
		assertThat(ProofCheck.errors("useCases", null, Set.of(), true)).isEmpty();
		assertThat(ProofCheck.errors("useCases", Arrays.asList((ProofItem) null), Set.of(), true)).isEmpty();
	}

}
