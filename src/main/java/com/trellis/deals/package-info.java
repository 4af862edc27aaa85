/**
 * Opportunities (deals): account, amount, stage, close date, owner, source and partner
 * involvement with its credit type, with the full stage history (moved only by the sales
 * process) and the recorded corrections of closed deals.
 *
 * <p>
 * The deal list and the stalled deals are read in their order from indexes (V103:
 * {@code opportunity_work_order_idx}, its per-partner twin and
 * {@code opportunity_open_stage_entered_idx}); a list page counts only 1,000 rows past
 * its page ({@link com.trellis.shared.PageRequest#listed}), the API and the figures of
 * the home pages count in full.
 */
package com.trellis.deals;
