package com.trellis.hygiene;

/** A check with how many records it finds in the viewer's scope. */
public record HygieneSummary(HygieneCheck check, String description, long count, boolean fixable) {
}
