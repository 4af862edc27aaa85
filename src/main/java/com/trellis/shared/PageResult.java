package com.trellis.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, with what a pager needs to show where it is.
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	/**
	 * The page a "previous" link leads to: the one before, or the last page when this one
	 * lies past the end of the list (a page number typed or kept in a bookmark), so the
	 * reader always has a way back.
	 */
	public int previousPage() {
		return Math.min(this.page - 1, totalPages() - 1);
	}

	public boolean hasNext() {
		return this.page + 1 < totalPages();
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

}
