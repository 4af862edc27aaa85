package com.trellis.search;

import java.util.List;

import com.trellis.shared.InvalidInputException.FieldError;
import com.trellis.shared.validation.TextRule;

/**
 * What may be searched for: 3 to 100 characters after trimming, three of them visible
 * (fewer than three letters match too much to be useful, and more than a hundred are no
 * name), without control or direction characters ({@link TextRule}). Returns the text to
 * look for or the reason it is refused, naming the parameter {@code q}.
 */
record SearchTerms(String text, FieldError refusal) {

	static final int MIN = 3;

	static final int MAX = com.trellis.shared.ListSearch.MAX;

	static SearchTerms of(String q) {
		// as every list's search text: spaces and invisible characters at either end
		// trimmed, the length counted as the reader counts it
		var text = com.trellis.shared.ListSearch.trimmed(q);
		// visible characters: three zero-width spaces are no search (s57, try72)
		if (text.codePoints().filter(c -> !TextRule.invisible(c)).count() < MIN) {
			return refused("enter at least " + MIN + " characters to search for");
		}
		// control and direction characters, as every text field refuses them (a U+202E
		// was echoed into the page)
		return TextRule.problem(text, MAX, false)
			.map(SearchTerms::refused)
			.orElseGet(() -> new SearchTerms(text, null));
	}

	private static SearchTerms refused(String message) {
		return new SearchTerms(null, new FieldError("q", message));
	}

	boolean refused() {
		return this.refusal != null;
	}

	List<FieldError> errors() {
		return this.refusal == null ? List.of() : List.of(this.refusal);
	}

	/** The text as a LIKE pattern matching it anywhere, its wildcards taken literally. */
	String pattern() {
		return com.trellis.shared.ListSearch.contains(this.text);
	}

}
