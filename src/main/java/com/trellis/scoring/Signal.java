package com.trellis.scoring;

/**
 * One signal of a partner's score: a named rule without Spring that reads the partner's
 * records as of a cut-off and says what it found, with the reason. Each states its
 * definition, its source records, its window and its unit (shown with every score and in
 * {@code docs/scoring.md}).
 */
interface Signal {

	/** A stable key, stored with each week's reading. */
	String key();

	String name();

	Pillar pillar();

	String definition();

	String source();

	String window();

	String unit();

	Reading read(PartnerRecords records, AsOf asOf);

}
