package com.trellis.maturity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.trellis.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCheckTests {

	@Test
	void completeAnswersAreTakenAndDigitsFromAFormAreReadAsNumbers() {
		var sent = new HashMap<String, Object>(complete());
		sent.put("program-kpis", "3");
		var checked = AnswerCheck.check(Questionnaire.PROGRAM, sent, false);
		assertThat(checked.ok()).isTrue();
		assertThat(checked.answers()).hasSize(10).containsEntry("program-kpis", 3);
	}

	@Test
	void anAnswerInQuotesFromAJsonBodyIsRefusedNamingItsQuestion() {
		var sent = new HashMap<String, Object>(complete());
		sent.put("program-kpis", "3");
		sent.put("program-training", " 2 ");
		var checked = AnswerCheck.check(Questionnaire.PROGRAM, sent, true);
		assertThat(checked.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("answers.program-kpis", "answers.program-training");
		assertThat(checked.errors())
			.allSatisfy(e -> assertThat(e.message()).startsWith("must be a number, not in quotes"));
		assertThat(AnswerCheck.check(Questionnaire.PROGRAM, complete(), true).ok()).isTrue();
	}

	@Test
	void aQuestionAnsweredTwiceIsRefusedNamingTheQuestionWhateverTheAnswers() {
		var sent = new LinkedHashMap<String, Object>(complete());
		sent.put("program-kpis", java.util.List.of("1", "4"));
		sent.put("program-training", java.util.List.of(2, 2));
		var checked = AnswerCheck.check(Questionnaire.PROGRAM, sent, false);
		assertThat(checked.ok()).isFalse();
		assertThat(checked.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("answers.program-kpis", "answers.program-training");
		assertThat(checked.errors()).allSatisfy(e -> assertThat(e.message()).startsWith("answered 2 times"));
	}

	@Test
	void eachMissingOutOfRangeOrUnknownAnswerIsNamedByItsQuestion() {
		var sent = new LinkedHashMap<String, Object>(complete());
		sent.remove("program-training");
		sent.put("program-kpis", 5);
		sent.put("program-incentives", 2.5);
		sent.put("program-crm-data", "often");
		sent.put("program-mood", 3);
		var checked = AnswerCheck.check(Questionnaire.PROGRAM, sent, false);
		assertThat(checked.errors()).extracting(FieldError::field)
			.containsExactlyInAnyOrder("answers.program-mood", "answers.program-training", "answers.program-kpis",
					"answers.program-incentives", "answers.program-crm-data");
		assertThat(checked.errors()).filteredOn(e -> e.field().equals("answers.program-training"))
			.singleElement()
			.satisfies(e -> assertThat(e.message()).startsWith("missing"));
		assertThat(checked.errors()).filteredOn(e -> e.field().equals("answers.program-mood"))
			.singleElement()
			.satisfies(e -> assertThat(e.message()).contains("no such question in the program questionnaire"));
	}

	@Test
	void aPartnerQuestionIsUnknownInTheProgramQuestionnaire() {
		var sent = new HashMap<String, Object>(complete());
		sent.put("partner-proof-points", 2);
		assertThat(AnswerCheck.check(Questionnaire.PROGRAM, sent, false).errors()).extracting(FieldError::field)
			.containsExactly("answers.partner-proof-points");
	}

	@Test
	void noAnswersAtAllIsNamedOnce() {
		assertThat(AnswerCheck.check(Questionnaire.PARTNER, null, false).errors()).extracting(FieldError::field)
			.containsExactly("answers");
		assertThat(AnswerCheck.check(Questionnaire.PARTNER, Map.of(), false).errors()).hasSize(10);
	}

	@Test
	void manyUnknownQuestionsAreCountedRatherThanEachNamed() {
		var sent = new HashMap<String, Object>(complete());
		for (int i = 0; i < 25; i++) {
			sent.put("guess-" + i, 1);
		}
		var errors = AnswerCheck.check(Questionnaire.PROGRAM, sent, false).errors();
		assertThat(errors).hasSize(AnswerCheck.NAMED_UNKNOWN + 1);
		assertThat(errors).extracting(FieldError::message).contains("15 more unknown questions");
	}

	private static Map<String, Integer> complete() {
		var answers = new HashMap<String, Integer>();
		Questionnaire.PROGRAM.questions().forEach(q -> answers.put(q.id(), 2));
		return answers;
	}

}
