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

	/**
	 * The name inside a sentence ("distinct AEs inviting 6.3 points"): its first letter
	 * in lower case unless the first word is an abbreviation ("AE invitations"); the
	 * abbreviations further on keep their capitals.
	 */
	default String nameInText() {
		return inText(name());
	}

	/** A name as it reads inside a sentence; see {@link #nameInText()}. */
	static String inText(String name) {
		if (name == null || name.length() < 2 || Character.isUpperCase(name.charAt(1))) {
			return name;
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	Pillar pillar();

	String definition();

	String source();

	String window();

	String unit();

	Reading read(PartnerRecords records, AsOf asOf);

}
