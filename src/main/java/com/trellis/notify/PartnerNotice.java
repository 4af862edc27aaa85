package com.trellis.notify;

/**
 * An outcome a partner must hear about. Publish it as an application event inside the
 * transaction that made the change; the notify module takes it from there.
 *
 * @param key unique per outcome (for example {@code registration:42:APPROVED}), so a
 * redelivered event never notifies twice
 * @param partnerId the partner of record
 * @param kind a short code such as REGISTRATION_APPROVED
 * @param subject one line
 * @param body the message
 * @param link a path in Trellis where the partner sees the record
 */
public record PartnerNotice(String key, long partnerId, String kind, String subject, String body, String link) {
}
