/**
 * Account plans (§C13): per key partner and account, joint goals, an owner on each side
 * and actions with due dates and status; reviewed in the week-3 pipeline and account
 * planning pack.
 */
package com.trellis.plans;
