/**
 * Long-tail ROI (§C18): what each partner costs to serve (enablement hours, MDF and
 * incentives paid, program spend, PAM time) against the pipeline and revenue it created
 * and its lift over the direct baseline, per fiscal quarter in the reporting currency.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Long-tail ROI")
package com.trellis.roi;
