package com.trellis.identity;

/**
 * Which users the administration lists.
 *
 * @param q part of the name, e-mail or team; null for any
 * @param role one role; null for any
 * @param active true for active users, false for deactivated ones, null for both
 * @param vendorOnly leave partner users out
 */
public record UserFilter(String q, Role role, Boolean active, boolean vendorOnly) {
}
