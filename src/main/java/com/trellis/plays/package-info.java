/**
 * Sales plays (§C17): a versioned library of short plays the program admin writes, each
 * for a sales moment and a role and linked to partner types, verticals and capabilities;
 * plays attached to live deals by the deal's AE, its partner's PAM or the partner; and
 * each play's effectiveness against comparable deals where it was not used.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "deals", "partners", "identity", "audit", "activity", "shared" })
package com.trellis.plays;
