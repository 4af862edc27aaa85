package com.trellis.shared;

/**
 * A request for one page. A page below zero, a size outside 1 to {@value #MAX_SIZE} and a
 * page past any list (its offset would overflow) are refused naming the parameter, never
 * read as another page or size.
 *
 * @param countAhead count the list only {@value #COUNT_AHEAD} rows past this page (a list
 * page's pager: "1000+ deals"), not in full; figures that show a count (a home page's
 * "pending registrations") and the API ask for the full count
 */
public record PageRequest(int page, int size, boolean countAhead) {

	public static final int MAX_SIZE = 200;

	/**
	 * How far past a page a list page counts its list: a list longer than that shows
	 * "1000+" rows and "Page 1 of 40+" rather than being counted in full on every page.
	 */
	public static final int COUNT_AHEAD = 1000;

	public PageRequest {
		var problems = problems(page, size);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** Every problem of a page and size at once (both named in one answer). */
	static java.util.List<InvalidInputException.FieldError> problems(int page, int size) {
		return problems(page, size, MAX_SIZE);
	}

	/**
	 * Every problem of a page and size of a list whose pages may hold up to
	 * {@code maxSize} rows (an API that answered with more than {@value #MAX_SIZE} rows
	 * before it was paged), worded as for every other list.
	 */
	public static java.util.List<InvalidInputException.FieldError> problems(int page, int size, int maxSize) {
		var problems = new java.util.ArrayList<InvalidInputException.FieldError>();
		if (page < 0) {
			problems.add(new InvalidInputException.FieldError("page", "must be 0 or more (pages count from 0)"));
		}
		boolean sized = size >= 1 && size <= maxSize;
		if (!sized) {
			problems.add(new InvalidInputException.FieldError("size", "must be between 1 and " + maxSize));
		}
		if (sized && page > lastPage(size)) {
			problems.add(new InvalidInputException.FieldError("page", "must be at most " + lastPage(size)));
		}
		return problems;
	}

	/**
	 * A page of a list counted in full, refused together with the problems the caller
	 * found in its other parameters ({@code earlier}): every bad parameter in one answer.
	 */
	public static PageRequest of(Integer page, Integer size, java.util.List<InvalidInputException.FieldError> earlier) {
		var problems = new java.util.ArrayList<>(earlier);
		problems.addAll(problems(page == null ? 0 : page, size == null ? 25 : size));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return of(page, size);
	}

	/** A page of a list counted in full. */
	public PageRequest(int page, int size) {
		this(page, size, false);
	}

	private static int lastPage(int size) {
		return (Integer.MAX_VALUE - size) / size;
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 25 : size);
	}

	/**
	 * A page of one of several lists shown on one page, whose page and size go by their
	 * own query parameters ({@code driftPage}, {@code driftSize}; the pager's links keep
	 * the others, {@link PageLinks#to(String, String, int)}): a bad one is refused by its
	 * own name, both at once. Counted in full; 25 rows unless sized.
	 */
	public static PageRequest named(String pageName, Integer page, String sizeName, Integer size) {
		return named(pageName, page, sizeName, size, java.util.List.of());
	}

	/**
	 * The page and size (0 and 25 when not given), refused with {@code earlier} and their
	 * own problems, each by its own name, when there is any.
	 */
	private static PageRequest named(String pageName, Integer page, String sizeName, Integer size,
			java.util.List<InvalidInputException.FieldError> earlier) {
		int p = page == null ? 0 : page;
		int s = size == null ? 25 : size;
		var problems = new java.util.ArrayList<>(earlier);
		problems(p, s).stream()
			.map(e -> new InvalidInputException.FieldError("page".equals(e.field()) ? pageName : sizeName, e.message()))
			.forEach(problems::add);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PageRequest(p, s);
	}

	/**
	 * {@link #named(String, Integer, String, Integer)} from the query's text: a page or
	 * size that is no whole number is named with the other problems, so a page that takes
	 * its parameters as text names every bad one at once (a typed parameter is refused
	 * alone, before the page's own checks run).
	 */
	public static PageRequest named(String pageName, String page, String sizeName, String size) {
		var problems = new java.util.ArrayList<InvalidInputException.FieldError>();
		Integer p = whole(pageName, page, problems);
		Integer s = whole(sizeName, size, problems);
		return named(pageName, p, sizeName, s, problems);
	}

	private static Integer whole(String name, String text, java.util.List<InvalidInputException.FieldError> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidInputException.FieldError(name,
					text.strip().matches("[+-]?\\d+") ? "is too large" : "must be a whole number"));
			return null;
		}
	}

	/**
	 * A page of a list page, whose pager counts only {@value #COUNT_AHEAD} rows past it
	 * (see {@link PageResult#counted}).
	 */
	public static PageRequest listed(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 25 : size, true);
	}

	public int offset() {
		return this.page * this.size;
	}

	/**
	 * The most rows the counting query reads ({@code LIMIT :countLimit}): the rows
	 * through this page, {@value #COUNT_AHEAD} more, and one to tell that the list goes
	 * on; null ({@code LIMIT NULL}, no limit) for a full count.
	 */
	public Long countLimit() {
		return this.countAhead ? (long) offset() + COUNT_AHEAD + 1 : null;
	}

	/**
	 * Whether this page of a list that {@link #countUpToLimit} counted {@code counted}
	 * rows of holds none, so its rows need not be read. A list's rows are read in an
	 * order an index gives; with a filter that matches nothing the database walks all of
	 * that index to find no row (the admin's SLA breaches when there were none: 1.4 s
	 * over the 451,117 registrations of the large data, three times on the home page).
	 */
	public boolean holdsNoneOf(long counted) {
		return counted <= offset();
	}

	/**
	 * The counting query for {@link PageResult#counted} over {@code fromWhere} (a
	 * {@code FROM … WHERE …} clause); bind {@code :countLimit} to {@link #countLimit()}.
	 */
	public static String countUpToLimit(String fromWhere) {
		return "SELECT count(*) FROM (SELECT 1 " + fromWhere + " LIMIT CAST(:countLimit AS BIGINT)) AS counted";
	}

}
