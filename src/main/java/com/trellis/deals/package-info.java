/**
 * Opportunities (deals): account, amount, stage, close date, owner, source and partner
 * involvement with its credit type, with the full stage history (moved only by the sales
 * process) and the recorded corrections of closed deals.
 */
package com.trellis.deals;
