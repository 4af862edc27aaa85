package com.trellis.incentives;

public enum ProgramKind {

	FAST_START_SPIFF, REFERRAL, QUARTERLY_REBATE, MDF

}
