/**
 * The operating cadence of a 13-week quarter (§C12): which meeting falls in which week,
 * the pack of material for each meeting (page, PDF and CSV) and the quarter's calendar as
 * iCalendar.
 */
package com.trellis.cadence;
