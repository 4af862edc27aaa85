package com.trellis.maturity;

import java.util.Map;

/**
 * A filled-in questionnaire: question id to answer, a whole number from 0 (not in place)
 * to 4 (measured and improved), and an optional note. The answers are read as sent and
 * checked by {@code AnswerCheck}, so each bad one is named by its question.
 */
public record AnswersCommand(Map<String, Object> answers, String note) {
}
