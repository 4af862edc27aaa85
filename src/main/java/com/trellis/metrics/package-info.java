/**
 * Program KPIs (§C9): each computed by SQL over a chosen period and slice of the program,
 * with its written definition, its trend and the records behind it.
 */
package com.trellis.metrics;
