/**
 * Data hygiene: checks of the program's CRM data (deals missing fields, stale deals,
 * slipped close dates, accounts without a domain, duplicate accounts, ownership
 * conflicts, deactivated owners) with counts, records, CSV and a fix where one is
 * obvious, for the program admin and, over their book, each PAM.
 */
package com.trellis.hygiene;
