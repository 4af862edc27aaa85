package com.trellis.plans;

/** Where an action stands. */
public enum ActionStatus {

	OPEN, DONE, DROPPED

}
