package com.trellis.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the filters given are written, each with its parameter. */
class ListConditionsTest {

	@Test
	void onlyTheGivenFiltersAndTheirParametersAreWritten() {
		var conditions = new ListConditions().when("partner_id = :partner", "partner", 7L)
			.when("owner_id = :owner", "owner", null)
			.always("stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')");
		assertThat(conditions.where())
			.isEqualTo("WHERE partner_id = :partner\n  AND stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')");
		assertThat(conditions.parameters()).containsOnlyKeys("partner").containsEntry("partner", 7L);
	}

	@Test
	void withoutAFilterThereIsNoWhereAndTheParametersAreTheCallersToAddTo() {
		var conditions = new ListConditions().when("owner_id = :owner", "owner", null);
		assertThat(conditions.where()).isEmpty();
		var parameters = conditions.parameters();
		parameters.put("limit", 5);
		assertThat(conditions.parameters()).isEmpty();
	}

	@Test
	void aGivenEnumIsWrittenAsItsNameSoEachValueIsPlannedWithItsOwnStatistics() {
		var conditions = new ListConditions().whenEnum("status", java.time.DayOfWeek.MONDAY).whenEnum("stage", null);
		assertThat(conditions.where()).isEqualTo("WHERE status = 'MONDAY'");
		assertThat(conditions.parameters()).isEmpty();
	}

	@Test
	void givenIdsAreOneArrayAndNoIdsMatchNone() {
		var conditions = new ListConditions().whenAnyOf("o.owner_id", "owners", java.util.List.of(3L, 5L))
			.whenAnyOf("partner_id", "partners", null);
		assertThat(conditions.where()).isEqualTo("WHERE o.owner_id = ANY (CAST(:owners AS BIGINT[]))");
		assertThat((Long[]) conditions.parameters().get("owners")).containsExactly(3L, 5L);
		assertThat((Long[]) new ListConditions().whenAnyOf("owner_id", "owners", java.util.List.of())
			.parameters()
			.get("owners")).isEmpty();
	}

}
