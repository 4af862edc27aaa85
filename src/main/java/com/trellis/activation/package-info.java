/**
 * Activation: every newly onboarded partner gets a 30-60-90 plan with dated milestones
 * and success criteria; a partner is activated when it registers and wins a first deal
 * within 90 days.
 */
package com.trellis.activation;
