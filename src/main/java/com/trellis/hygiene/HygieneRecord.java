package com.trellis.hygiene;

/**
 * One record a check found: an opportunity, account or registration, what is wrong with
 * it, who owns it and where to open it.
 */
public record HygieneRecord(String recordType, long recordId, String name, String problem, String owner, String link) {
}
