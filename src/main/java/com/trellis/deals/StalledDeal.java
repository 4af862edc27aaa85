package com.trellis.deals;

/**
 * An open deal that has sat in its stage longer than the stage's norm.
 */
public record StalledDeal(OpportunityView deal, long daysInStage, int normDays) {
}
