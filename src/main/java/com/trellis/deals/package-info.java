/**
 * Opportunities (deals): account, amount, stage, close date, owner, source and partner
 * involvement with its credit type, with the full stage history.
 */
package com.trellis.deals;
