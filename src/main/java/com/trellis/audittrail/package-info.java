/**
 * The audit trail for program admins: the audit log's entries (who changed what, when,
 * before and after) read newest first with filters, on a page and through the API.
 */
package com.trellis.audittrail;
