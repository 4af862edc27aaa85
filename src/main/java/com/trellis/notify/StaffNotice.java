package com.trellis.notify;

/**
 * Work that comes to one member of the vendor's staff (a PAM, an AE, a manager, an
 * admin). Publish it as an application event inside the transaction that made the change;
 * the notify module writes it to the user's inbox and sends it by the channels the user
 * chose, exactly once.
 *
 * @param key unique per outcome and recipient (for example
 * {@code registration:42:SUBMITTED:user:7}), so a redelivered event never notifies twice
 * @param userId the recipient
 * @param kind what happened
 * @param subject one line
 * @param body the message
 * @param link a path in Trellis where the user acts on it
 */
public record StaffNotice(String key, long userId, StaffNoticeKind kind, String subject, String body, String link) {
}
