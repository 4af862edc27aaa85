/**
 * Marketplace transactions (§C18): a partner's sales through a marketplace listing,
 * imported in the Trellis marketplace format, read per partner in the viewer's scope and
 * as velocity (transactions and amount per 30 and 90 days, and the trend) for ROI.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Marketplace transactions")
package com.trellis.marketplace;
