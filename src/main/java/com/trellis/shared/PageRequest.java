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
		if (page < 0) {
			throw InvalidInputException.of("page", "must be 0 or more (pages count from 0)");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInputException.of("size", "must be between 1 and " + MAX_SIZE);
		}
		if (page > lastPage(size)) {
			throw InvalidInputException.of("page", "must be at most " + lastPage(size));
		}
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
	 * The counting query for {@link PageResult#counted} over {@code fromWhere} (a
	 * {@code FROM … WHERE …} clause); bind {@code :countLimit} to {@link #countLimit()}.
	 */
	public static String countUpToLimit(String fromWhere) {
		return "SELECT count(*) FROM (SELECT 1 " + fromWhere + " LIMIT CAST(:countLimit AS BIGINT)) AS counted";
	}

}
