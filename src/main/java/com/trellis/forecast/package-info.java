/**
 * Forecasting (§C11): stage probabilities and time-in-stage norms learned from the
 * program's closed history, a probability, expected close and category for each open
 * deal, roll-ups against quotas and targets, weekly snapshots, and a back-test.
 */
package com.trellis.forecast;
