package com.trellis.credit;

public enum DisputeStatus {

	OPEN, UPHELD, DISMISSED

}
