/**
 * Who is signed in and what they may do: users and roles, the manager hierarchy, sign-in,
 * API tokens, and the {@link com.trellis.identity.Viewer} every query is scoped by.
 */
package com.trellis.identity;
