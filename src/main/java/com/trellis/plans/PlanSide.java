package com.trellis.plans;

/** Who carries out an action: our staff or the partner. */
public enum PlanSide {

	VENDOR, PARTNER

}
