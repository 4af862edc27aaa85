/**
 * Global search from the navigation: partners, accounts, deals, registrations and leads
 * by name, each kind scoped to what the viewer may open, a few hits per kind.
 */
package com.trellis.search;
