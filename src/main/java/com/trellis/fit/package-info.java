/**
 * Partner fit (§C16, the account executive's guidance): on a deal, the partners ranked by
 * their won deals with similar customers and by their trust score, with those deals as
 * evidence and one click to attach the partner or ask for its help (see
 * {@code docs/guidance.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partner fit",
		allowedDependencies = { "deals", "partners", "scoring", "identity", "shared" })
package com.trellis.fit;
