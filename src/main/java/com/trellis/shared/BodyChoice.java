package com.trellis.shared;

/**
 * An enum of which a request body may name only some constants (a user's role: a vendor
 * role, never {@code PARTNER}, whom an invitation makes). A body naming none of them is
 * told only the constants it may name ({@link ExactJsonTypes}), not one that is then
 * refused.
 */
public interface BodyChoice {

	/** Whether a request body may name this constant. */
	boolean takenInBodies();

}
