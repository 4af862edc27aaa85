package com.trellis.maturity;

/**
 * One question: a practice the answerer rates on the {@link Questionnaire#SCALE} from 0
 * (not in place) to 4 (measured and improved).
 *
 * @param id stable across versions of the questionnaire, so history stays comparable
 * @param area the id of the area it belongs to
 * @param weight how much it counts against the other questions
 */
public record Question(String id, String area, String text, int weight) {
}
