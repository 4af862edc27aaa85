package com.trellis.maturity;

/** What a maturity assessment places: the partner program as a whole, or one partner. */
public enum Subject {

	PROGRAM, PARTNER

}
