/**
 * The append-only audit log: who changed what, when, with the record before and after.
 */
package com.trellis.audit;
