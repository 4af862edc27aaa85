package com.trellis.identity;

import java.util.function.UnaryOperator;

/**
 * A module's rule for who may act on one kind of its records, run before a request is
 * bound ({@link ActsOn}). It refuses with
 * {@link org.springframework.security.access.AccessDeniedException} (403), or with
 * {@link com.trellis.shared.NotFoundException} when the viewer may not see the record at
 * all. A key that is missing or malformed passes: validation names it afterwards.
 */
@FunctionalInterface
public interface AccessCheck {

	void check(Viewer viewer, Request request);

	/**
	 * What the rule may read of the request, before it is bound.
	 *
	 * @param key the name of the path variable or body field holding the record's key
	 * @param values the path variables, or the body's top-level fields, as text; null
	 * when absent or not a single value
	 * @param path the path variables, for a rule on the body ({@link #pathId})
	 */
	record Request(String key, UnaryOperator<String> values, UnaryOperator<String> path) {

		/** A request whose rule reads no path variable besides its values. */
		public Request(String key, UnaryOperator<String> values) {
			this(key, values, name -> null);
		}

		/**
		 * A path variable as a whole number, or null: for a rule on the body that also
		 * needs the record in the path when the body names none.
		 */
		public Long pathId(String name) {
			var text = this.path.apply(name);
			return text != null && text.strip().matches("[0-9]{1,18}") ? Long.valueOf(text.strip()) : null;
		}

		/** The value of a path variable or body field, or null. */
		public String text(String name) {
			return this.values.apply(name);
		}

		/** The value as a whole number, or null when absent or not one. */
		public Long id(String name) {
			var text = text(name);
			if (text == null || !text.strip().matches("-?[0-9]{1,18}")) {
				return null;
			}
			return Long.valueOf(text.strip());
		}

		/** The record's key as a whole number, or null when absent or not one. */
		public Long id() {
			return id(this.key);
		}

		/**
		 * Whether the key names someone other than {@code own}: given, and not that id
		 * (text that is no number names no one's own either). For a rule that lets a
		 * viewer name only themself, before the value is read.
		 */
		public boolean namesOtherThan(long own) {
			var named = text(this.key);
			if (named == null || named.isBlank()) {
				return false;
			}
			var id = id();
			return id == null || id != own;
		}

	}

}
