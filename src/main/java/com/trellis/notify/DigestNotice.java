package com.trellis.notify;

/**
 * A weekly digest for one person, a member of staff or a partner user alike: it reaches
 * them by the channels they keep on for digests ({@code GUIDANCE_DIGEST} among their
 * notice choices) through the durable outbox, exactly once per key.
 *
 * @param key unique per person and period (for example
 * {@code guidance-digest:2026-11-30:user:7}), so a digest written twice is sent once
 * @param userId the person
 * @param subject one line
 * @param body the digest, plain text with absolute links
 * @param link a path in Trellis where the person sees everything the digest lists
 */
public record DigestNotice(String key, long userId, String subject, String body, String link) {
}
