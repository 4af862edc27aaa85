package com.trellis.cosell;

/** Where a co-sell request stands: waiting for the partner, or answered either way. */
public enum CoSellStatus {

	OPEN, ACCEPTED, DECLINED

}
