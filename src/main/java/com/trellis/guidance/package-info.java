/**
 * Guidance, the next best action (§C16): named rules turn scores, drift alerts, tier
 * gaps, activation plans, stalled deals, open exit criteria and expiring registrations
 * into recommendations per person, each with its reason and one action; a daily run
 * stores them once, people accept, dismiss or snooze them, and the outcome each aimed at
 * is tracked so that kinds which do not help rank down (see {@code docs/guidance.md}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance")
package com.trellis.guidance;
