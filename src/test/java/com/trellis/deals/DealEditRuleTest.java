package com.trellis.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.trellis.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DealEditRuleTest {

	@Test
	void aDealOpensAtAnOpenStageOnly() {
		assertThat(DealEditRule.opening(command(Stage.QUALIFIED, "1000", "USD"))).isEmpty();
		assertThat(DealEditRule.opening(command(Stage.CLOSED_WON, "1000", "USD"))).extracting(FieldError::field)
			.containsExactly("stage");
		assertThat(DealEditRule.opening(command(Stage.CLOSED_LOST, "1000", "USD"))).extracting(FieldError::field)
			.containsExactly("stage");
	}

	@Test
	void anEditThatMovesTheStageIsRefusedNamingTheProcessOperations() {
		var errors = DealEditRule.edit(deal(Stage.REGISTERED), command(Stage.CLOSED_WON, "1000", "USD"));
		assertThat(errors).extracting(FieldError::field).containsExactly("stage");
		assertThat(errors.get(0).message()).contains("advance", "move back", "disqualify");
		assertThat(DealEditRule.edit(deal(Stage.QUALIFIED), command(Stage.COMMIT, "1000", "USD")))
			.extracting(FieldError::field)
			.containsExactly("stage");
	}

	@Test
	void anOpenDealsMoneyIsEditedFreely() {
		assertThat(DealEditRule.edit(deal(Stage.COMMIT), command(Stage.COMMIT, "5000", "EUR"))).isEmpty();
	}

	@Test
	void aClosedDealsMoneyIsRefusedNamingEachField() {
		assertThat(DealEditRule.edit(deal(Stage.CLOSED_WON), command(Stage.CLOSED_WON, "1000000", "EUR")))
			.extracting(FieldError::field)
			.containsExactly("amount", "currency");
		assertThat(DealEditRule.edit(deal(Stage.CLOSED_LOST), command(Stage.CLOSED_LOST, "1000.00", "USD"))).isEmpty();
	}

	@Test
	void aClosedDealsCloseDateIsRefusedAndAnOpenOneNeverBeforeTheDealWasCreated() {
		var won = deal(Stage.CLOSED_WON);
		assertThat(DealEditRule.edit(won, command(Stage.CLOSED_WON, "1000", "USD", LocalDate.of(2020, 1, 1))))
			.extracting(FieldError::field)
			.containsExactly("closeDate");
		var open = deal(Stage.COMMIT);
		assertThat(DealEditRule.edit(open, command(Stage.COMMIT, "1000", "USD", LocalDate.of(1969, 12, 30))))
			.extracting(FieldError::field)
			.containsExactly("closeDate");
		assertThat(DealEditRule.edit(open, command(Stage.COMMIT, "1000", "USD", LocalDate.of(1969, 12, 31)))).isEmpty();
	}

	@Test
	void aClosedDirectDealTakesNoPartner() {
		var direct = new OpportunityView(7, 1, null, "Deal", new BigDecimal("1000"), "USD", Stage.CLOSED_WON, null, 3,
				DealSource.DIRECT, null, null, null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
		var withPartner = new OpportunityCommand(1L, "Deal", new BigDecimal("1000"), "USD", Stage.CLOSED_WON, null,
				null, DealSource.PARTNER, 9L, CreditType.SOURCED, new BigDecimal("20"));
		assertThat(DealEditRule.edit(direct, withPartner)).extracting(FieldError::field).containsExactly("partnerId");
	}

	private static OpportunityView deal(Stage stage) {
		return new OpportunityView(7, 1, null, "Deal", new BigDecimal("1000.00"), "USD", stage, null, 3,
				DealSource.PARTNER, 9L, CreditType.SOURCED, new BigDecimal("20.00"), Instant.EPOCH, Instant.EPOCH,
				stage.isClosed() ? Instant.EPOCH : null);
	}

	private static OpportunityCommand command(Stage stage, String amount, String currency) {
		return command(stage, amount, currency, null);
	}

	private static OpportunityCommand command(Stage stage, String amount, String currency, LocalDate closeDate) {
		return new OpportunityCommand(1L, "Deal", new BigDecimal(amount), currency, stage, closeDate, null,
				DealSource.PARTNER, 9L, CreditType.SOURCED, new BigDecimal("20"));
	}

}
