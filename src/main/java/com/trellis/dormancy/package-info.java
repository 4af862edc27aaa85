/**
 * Dormancy and re-engagement: partners with no portal login, registration or enablement
 * activity for a configurable period become dormant (and active again on new activity);
 * Trellis diagnoses the likely cause from the data and runs a re-engagement sequence that
 * ends in a sunset proposal when nobody answers.
 */
package com.trellis.dormancy;
