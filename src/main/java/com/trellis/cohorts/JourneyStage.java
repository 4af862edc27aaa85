package com.trellis.cohorts;

/** The journey every cohort follows (§C15), in order. */
public enum JourneyStage {

	AWARENESS, ACTIVATION, ACCELERATION

}
