package com.trellis.plans;

/** How a closed plan ended. */
public enum PlanOutcome {

	ACHIEVED, ABANDONED

}
