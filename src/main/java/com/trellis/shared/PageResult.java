package com.trellis.shared;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.Function;

/**
 * One page of a longer list, with what a pager needs to show where it is.
 *
 * @param total the rows of the whole list when {@code totalExact}; otherwise a lower
 * bound: the list was counted only as far as {@link PageRequest#countLimit()} (the rows
 * through this page and {@value PageRequest#COUNT_AHEAD} more), so a long list is not
 * counted in full for every page. A lower bound is always past the end of this page, so
 * "is there a next page" is answered right either way.
 * @param totalExact whether {@code total} is the exact count
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact) {

	/** A page of a list counted in full. */
	public PageResult(List<T> items, int page, int size, long total) {
		this(items, page, size, total, true);
	}

	/**
	 * A page of a list counted with {@code LIMIT} {@link PageRequest#countLimit()}: a
	 * count that reached the limit means there are more rows than were counted.
	 */
	public static <T> PageResult<T> counted(List<T> items, PageRequest request, long counted) {
		boolean exact = request.countLimit() == null || counted < request.countLimit();
		return new PageResult<>(items, request.page(), request.size(), exact ? counted : counted - 1, exact);
	}

	/**
	 * As {@link #counted(List, PageRequest, long)}, the page's rows read by {@code items}
	 * only when the count leaves some for it ({@link PageRequest#holdsNoneOf}).
	 */
	public static <T> PageResult<T> counted(Supplier<List<T>> items, PageRequest request, long counted) {
		return counted(request.holdsNoneOf(counted) ? List.of() : items.get(), request, counted);
	}

	/**
	 * The requested page of a whole list held in memory (a list computed per request),
	 * counted in full.
	 */
	public static <T> PageResult<T> slice(List<T> all, PageRequest request) {
		int from = (int) Math.min(request.offset(), all.size());
		int to = (int) Math.min((long) request.offset() + request.size(), all.size());
		return new PageResult<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
	}

	public int totalPages() {
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (this.total + this.size - 1) / this.size));
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
		return new PageResult<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total,
				this.totalExact);
	}

}
