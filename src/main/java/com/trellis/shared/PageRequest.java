package com.trellis.shared;

/**
 * A request for one page, clamped to sane bounds.
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	public PageRequest {
		page = Math.max(page, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 25 : size);
	}

	public int offset() {
		return this.page * this.size;
	}

}
