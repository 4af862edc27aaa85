package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportedHistoryTest {

	private static final Instant CREATED = Instant.parse("2025-01-06T09:00:00Z");

	private static ImportedDeal deal(ImportedDeal.Move... moves) {
		return new ImportedDeal(1, "Deal", BigDecimal.TEN, "USD", null, 1, CREATED, List.of(moves));
	}

	private static ImportedDeal.Move move(Stage stage, String at) {
		return new ImportedDeal.Move(stage, Instant.parse(at));
	}

	@Test
	void aHistoryInOrderFromTheDealsCreationStands() {
		assertThat(ImportedHistory.refusal(deal(move(Stage.REGISTERED, "2025-01-06T09:00:00Z"),
				move(Stage.CLOSED_LOST, "2025-02-01T09:00:00Z"), move(Stage.QUALIFIED, "2025-02-03T09:00:00Z"))))
			.as("a deal reopened in its source keeps that history")
			.isEmpty();
	}

	@Test
	void aMoveBeforeCreationOrOutOfOrderOrToTheSameStageIsRefused() {
		assertThat(ImportedHistory.refusal(deal())).contains("a deal needs at least the stage it is in");
		assertThat(ImportedHistory.refusal(deal(move(Stage.REGISTERED, "2025-01-01T00:00:00Z"))).orElseThrow())
			.contains("before the deal was created");
		assertThat(ImportedHistory
			.refusal(
					deal(move(Stage.REGISTERED, "2025-01-09T00:00:00Z"), move(Stage.QUALIFIED, "2025-01-08T00:00:00Z")))
			.orElseThrow()).contains("before the move ahead of it");
		assertThat(ImportedHistory
			.refusal(deal(move(Stage.REGISTERED, "2025-01-09T00:00:00Z"),
					move(Stage.REGISTERED, "2025-01-10T00:00:00Z")))
			.orElseThrow()).contains("two moves in a row");
	}

	@Test
	void aReimportAddsOnlyTheMovesAfterTheHistoryTheDealHas() {
		var has = List.of(new StageChange(null, Stage.REGISTERED, 1L, Instant.parse("2025-01-06T09:00:00Z")),
				new StageChange(Stage.REGISTERED, Stage.QUALIFIED, 1L, Instant.parse("2025-01-10T09:00:00Z")));
		var wanted = List.of(move(Stage.REGISTERED, "2025-01-06T09:00:00Z"),
				move(Stage.QUALIFIED, "2025-01-10T09:00:00Z"), move(Stage.CLOSED_WON, "2025-02-10T09:00:00Z"));
		assertThat(ImportedHistory.newMoves(has, wanted))
			.containsExactly(move(Stage.CLOSED_WON, "2025-02-10T09:00:00Z"));
		assertThat(ImportedHistory.newMoves(has, wanted.subList(0, 2))).isEmpty();
	}

}
