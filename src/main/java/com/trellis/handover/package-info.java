/**
 * A leaver's hand-over: a program admin moves a user's accounts, open deals, leads with
 * them and partner book to active users of a fitting role, in one audited transaction.
 */
package com.trellis.handover;
