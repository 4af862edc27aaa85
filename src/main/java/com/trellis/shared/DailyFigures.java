package com.trellis.shared;

/**
 * A set of page figures that a daily job computes for the whole program and stores with
 * its time ({@link PageFigureStore}), so the page reads it instead of computing it per
 * request. Every such set is a bean of this type: the jobs call {@link #storeDaily} each
 * morning and at start-up, and an operator's tool or a benchmark can bring every set up
 * to date at once (the state pages are in after the morning's jobs).
 */
public interface DailyFigures {

	/**
	 * Computes and stores the set unless another instance holds the run or it was stored
	 * this business day; true when this call stored it.
	 */
	boolean storeDaily();

}
