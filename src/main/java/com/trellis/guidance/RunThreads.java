package com.trellis.guidance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the day's per-person reads on a few threads of the run's own and gathers the
 * answers in the order the work was listed; the threads end with the run.
 */
final class RunThreads {

	private RunThreads() {
	}

	/**
	 * Each work's advice under each of its people, in the work's order. The first failure
	 * (in that order) is thrown as it was raised; the rest of the work is then abandoned.
	 */
	static Map<Long, List<Advice>> all(List<Reads> work, int threads) {
		var counter = new AtomicInteger();
		var pool = Executors.newFixedThreadPool(threads, r -> {
			var thread = new Thread(r, "guidance-run-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			var answers = work.stream().map(w -> CompletableFuture.supplyAsync(w.read(), pool)).toList();
			var result = new LinkedHashMap<Long, List<Advice>>();
			for (int i = 0; i < work.size(); i++) {
				var advice = join(answers.get(i));
				for (long person : work.get(i).people()) {
					result.put(person, advice);
				}
			}
			return result;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static List<Advice> join(CompletableFuture<List<Advice>> answer) {
		try {
			return answer.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}

/** The people one read's advice goes to (a partner's users share their partner's). */
record Reads(List<Long> people, Supplier<List<Advice>> read) {
}
