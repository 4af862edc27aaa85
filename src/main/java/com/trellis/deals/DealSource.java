package com.trellis.deals;

public enum DealSource {

	DIRECT, PARTNER

}
