/**
 * The program's holiday calendar: the business region's public holidays (from the
 * Jollyday library) plus the holidays a program admin adds, which business-day counts
 * (registration SLAs, lead follow-up deadlines) and meeting days skip.
 */
package com.trellis.holidays;
