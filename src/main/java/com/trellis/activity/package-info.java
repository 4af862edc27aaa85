/**
 * Signals of partner behaviour (portal logins, registrations, training, play use, field
 * interactions), the raw material of dormancy, scoring and KPIs.
 */
package com.trellis.activity;
