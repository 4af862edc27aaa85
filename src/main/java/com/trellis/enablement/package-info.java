/**
 * Role-based enablement: tracks of courses and certifications per partner role (AE, SE,
 * CSM), completions per partner user with certification expiry, completion rates, and
 * applied enablement (did training turn into plays and deals).
 */
package com.trellis.enablement;
