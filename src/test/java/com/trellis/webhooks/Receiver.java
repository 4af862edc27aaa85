package com.trellis.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver for webhooks inside the test: answers each request with the next
 * status of its script (200 when the script is used up), optionally slowly, and keeps
 * every request it got.
 */
final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private volatile long delayMillis;

	Receiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/hook", exchange -> {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
			this.requests.add(new Request(headers, body));
			if (this.delayMillis > 0) {
				try {
					Thread.sleep(this.delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			Integer status = this.script.poll();
			exchange.sendResponseHeaders(status == null ? 200 : status, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/hook";
	}

	Receiver answering(Integer... statuses) {
		this.script.addAll(List.of(statuses));
		return this;
	}

	Receiver slow(long millis) {
		this.delayMillis = millis;
		return this;
	}

	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(Map<String, List<String>> headers, String body) {

		String header(String name) {
			var values = this.headers.get(name);
			return values == null ? null : values.get(0);
		}

	}

}
