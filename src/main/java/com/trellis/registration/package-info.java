/**
 * Deal registration: the entry gate, conflict detection, rules of engagement, PAM
 * approval with its SLA, protection periods with expiry and extension.
 */
package com.trellis.registration;
