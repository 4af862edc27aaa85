package com.trellis.shared;

/**
 * A request for one page: the size clamped to sane bounds, a negative page read as the
 * first, and a page past any list refused (its offset would overflow).
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	public PageRequest {
		page = Math.max(page, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
		if (page > lastPage(size)) {
			throw InvalidInputException.of("page", "must be at most " + lastPage(size));
		}
	}

	private static int lastPage(int size) {
		return (Integer.MAX_VALUE - size) / size;
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 25 : size);
	}

	public int offset() {
		return this.page * this.size;
	}

}
