/**
 * Forecasting (§C11, first part): stage-to-win probabilities learned from the program's
 * closed history, a probability, expected close and category for each open deal,
 * roll-ups, and weekly snapshots for forecast accuracy.
 */
package com.trellis.forecast;
