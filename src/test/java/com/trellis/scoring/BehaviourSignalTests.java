package com.trellis.scoring;

import java.util.Locale;

import com.trellis.shared.StoredFigures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BehaviourSignalTests {

	@Test
	void responsivenessIsTheMedianHoursToAnswer() {
		var records = new RecordsFixture().ask(10, 2.0).ask(20, 6.0).ask(30, 30.0);
		var reading = records.read(new CoSellResponsiveness());
		assertThat(reading.value()).isEqualByComparingTo("6.00");
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).contains("median 6.0 h over 3 requests");
	}

	@Test
	void aRequestUnansweredForThreeDaysCountsAtItsAgeAndAYoungerOneIsNotDue() {
		var records = new RecordsFixture().ask(10, 2.0).ask(5, null).ask(1, null);
		var reading = records.read(new CoSellResponsiveness());
		assertThat(reading.value()).isEqualByComparingTo("61.00");
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).contains("2 requests").contains("1 unanswered");
	}

	@Test
	void responsivenessIsUnknownWithFewerThanTwoRequestsDue() {
		var reading = new RecordsFixture().ask(10, 2.0).ask(400, 1.0).read(new CoSellResponsiveness());
		assertThat(reading.known()).isFalse();
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).contains("1 co-sell request due")
			.contains("at least 2");
	}

	@Test
	void anAnswerOrRequestAfterTheCutOffChangesNothingInResponsiveness() {
		var before = new RecordsFixture().ask(10, 2.0).ask(20, 6.0).ask(30, 30.0);
		var after = new RecordsFixture().ask(10, 2.0).ask(20, 6.0).ask(30, 30.0).ask(-1, 0.5).ask(-2, 0.5);
		// answered only after the cut-off: at the cut-off it was still open (and due)
		var lateAnswer = new RecordsFixture().ask(10, 2.0).ask(4, 24.0 * 5);
		var stillOpen = new RecordsFixture().ask(10, 2.0).ask(4, null);
		assertThat(after.read(new CoSellResponsiveness())).isEqualTo(before.read(new CoSellResponsiveness()));
		assertThat(lateAnswer.read(new CoSellResponsiveness())).isEqualTo(stillOpen.read(new CoSellResponsiveness()));
		assertThat(lateAnswer.read(new CoSellResponsiveness()).value()).isEqualByComparingTo("49.00");
	}

	@Test
	void hygieneIsTheShareOfOpenDealsThatMovedWithinSixtyDays() {
		var records = new RecordsFixture().deal("Retail", 100, "REGISTERED", 100, "QUALIFIED", 20)
			.deal("Retail", 100, "REGISTERED", 100)
			.deal("Retail", 50, "REGISTERED", 50)
			.deal("Retail", 300, "REGISTERED", 300, "CLOSED_WON", 200);
		var reading = records.read(new DealHygiene());
		assertThat(reading.value()).isEqualByComparingTo("66.67");
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).startsWith("2 of 3 open deals");
	}

	@Test
	void aStageMoveAfterTheCutOffChangesNothingInHygiene() {
		var before = new RecordsFixture().deal("Retail", 100, "REGISTERED", 100).deal("Retail", 10, "REGISTERED", 10);
		var after = new RecordsFixture().deal("Retail", 100, "REGISTERED", 100, "QUALIFIED", -1)
			.deal("Retail", 10, "REGISTERED", 10, "CLOSED_LOST", -3)
			.deal("Retail", -5, "REGISTERED", -5);
		assertThat(after.read(new DealHygiene())).isEqualTo(before.read(new DealHygiene()));
		assertThat(before.read(new DealHygiene()).value()).isEqualByComparingTo("50.00");
	}

	@Test
	void hygieneIsUnknownWithoutOpenDeals() {
		var reading = new RecordsFixture().deal("Retail", 100, "REGISTERED", 100, "CLOSED_WON", 50)
			.read(new DealHygiene());
		assertThat(reading.known()).isFalse();
	}

	@Test
	void fieldInteractionsCountMeetingsAndAnswersPerThirtyDays() {
		var records = new RecordsFixture().events("AE_INTERACTION", 5, 3)
			.events("CO_SELL_MEETING", 80, 2)
			.events("AE_INTERACTION", 95, 10)
			.events("PORTAL_LOGIN", 5, 40)
			.ask(20, 5.0);
		var reading = records.read(new FieldInteractions());
		assertThat(reading.value()).isEqualByComparingTo("2.00");
	}

	@Test
	void interactionsAfterTheCutOffChangeNothing() {
		var before = new RecordsFixture().events("AE_INTERACTION", 5, 3);
		var after = new RecordsFixture().events("AE_INTERACTION", 5, 3).events("CO_SELL_MEETING", -1, 9).ask(3, 100.0);
		assertThat(after.read(new FieldInteractions())).isEqualTo(before.read(new FieldInteractions()));
	}

	@Test
	void appliedEnablementIsTheShareOfCompletionsFollowedByAPlayWithinSixtyDays() {
		var records = new RecordsFixture().events("TRAINING_COMPLETED", 200, 2)
			.events("PLAY_USED", 180, 1)
			.events("CERTIFICATION_EARNED", 100, 1)
			.events("TRAINING_COMPLETED", 10, 1);
		var reading = records.read(new AppliedEnablement());
		// two applied, one had 60 days and was not, the youngest may still be
		assertThat(reading.value()).isEqualByComparingTo("66.67");
		assertThat(StoredFigures.render(reading.reason(), Locale.US)).startsWith("2 of 3 completions");
	}

	@Test
	void aPlayAfterTheCutOffDoesNotApplyEarlierTraining() {
		var before = new RecordsFixture().events("TRAINING_COMPLETED", 70, 1).events("TRAINING_COMPLETED", 30, 1);
		var after = new RecordsFixture().events("TRAINING_COMPLETED", 70, 1)
			.events("TRAINING_COMPLETED", 30, 1)
			.events("PLAY_USED", -2, 1)
			.events("TRAINING_COMPLETED", -1, 4);
		assertThat(after.read(new AppliedEnablement())).isEqualTo(before.read(new AppliedEnablement()));
		assertThat(before.read(new AppliedEnablement()).value()).isEqualByComparingTo("0.00");
	}

	@Test
	void appliedEnablementIsUnknownWithoutDecidedCompletions() {
		assertThat(new RecordsFixture().events("TRAINING_COMPLETED", 10, 3).read(new AppliedEnablement()).known())
			.isFalse();
	}

	@Test
	void trendComparesTheLastThirtyDaysWithTheNinetyBefore() {
		var records = new RecordsFixture().events("PORTAL_LOGIN", 10, 8).events("PORTAL_LOGIN", 60, 12);
		var reading = records.read(new ActivityTrend());
		assertThat(reading.value()).isEqualByComparingTo("2.00");
	}

	@Test
	void trendIsUnknownWithLittleActivityBeforeAndIgnoresLaterEvents() {
		var thin = new RecordsFixture().events("PORTAL_LOGIN", 10, 8).events("PORTAL_LOGIN", 60, 5);
		assertThat(thin.read(new ActivityTrend()).known()).isFalse();
		var before = new RecordsFixture().events("PORTAL_LOGIN", 10, 8).events("PORTAL_LOGIN", 60, 12);
		var after = new RecordsFixture().events("PORTAL_LOGIN", 10, 8)
			.events("PORTAL_LOGIN", 60, 12)
			.events("PORTAL_LOGIN", -1, 50);
		assertThat(after.read(new ActivityTrend())).isEqualTo(before.read(new ActivityTrend()));
	}

}
