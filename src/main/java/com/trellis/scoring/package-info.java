/**
 * Partner intelligence: readiness, behaviour and trust scores computed as of any day from
 * the program's own records by named signals and a documented rubric, each score with the
 * points every signal contributes, kept as weekly history (see {@code docs/scoring.md}).
 */
package com.trellis.scoring;
