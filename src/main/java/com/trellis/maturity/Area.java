package com.trellis.maturity;

/**
 * An area of the questionnaire, with the recommendation given when the area is weak.
 *
 * @param id stable across versions of the questionnaire
 */
public record Area(String id, String name, String recommendation) {
}
