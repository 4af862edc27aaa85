/**
 * Pre-aggregated deal facts (issue 15): per partner and business day and per rep and
 * business day, pipeline created, won and lost counts and amounts, cycle-day sums and
 * stage moves, and the open pipeline now, kept with every change to a deal (in the
 * database statement that made it) so that the KPIs and roll-ups read period figures
 * without scanning every deal; rebuilt from the base tables on demand.
 */
package com.trellis.facts;
