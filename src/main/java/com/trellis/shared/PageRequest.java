package com.trellis.shared;

/**
 * A request for one page. A page below zero, a size outside 1 to {@value #MAX_SIZE} and a
 * page past any list (its offset would overflow) are refused naming the parameter, never
 * read as another page or size.
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

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
