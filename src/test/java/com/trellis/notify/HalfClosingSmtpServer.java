package com.trellis.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted SMTP server for one failure GreenMail cannot give on demand: on its first
 * connection it accepts one message and then ends its side of the connection (a
 * half-close, as a server dropping an idle client does), so the client's next command is
 * answered by end of stream and never by a reset. Later connections accept every message.
 * Keeps the subjects it accepted.
 */
final class HalfClosingSmtpServer implements AutoCloseable {

	final List<String> subjects = new CopyOnWriteArrayList<>();

	private final ServerSocket socket;

	private final AtomicInteger connections = new AtomicInteger();

	HalfClosingSmtpServer() throws IOException {
		this.socket = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
		var acceptor = new Thread(this::accept, "half-closing-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				var client = this.socket.accept();
				boolean first = this.connections.incrementAndGet() == 1;
				var worker = new Thread(() -> converse(client, first), "half-closing-smtp-client");
				worker.setDaemon(true);
				worker.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void converse(Socket client, boolean dropAfterOne) {
		try (client) {
			var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
			var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
			out.print("220 localhost ready\r\n");
			out.flush();
			String line;
			while ((line = in.readLine()) != null) {
				var command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
				if (command.equals("DATA")) {
					reply(out, "354 end with a dot");
					String subject = null;
					while ((line = in.readLine()) != null && !line.equals(".")) {
						if (subject == null && line.startsWith("Subject: ")) {
							subject = line.substring("Subject: ".length());
						}
					}
					this.subjects.add(subject);
					reply(out, "250 accepted");
					if (dropAfterOne) {
						client.shutdownOutput();
						while (in.readLine() != null) {
							// read what the client still sends, answering nothing
						}
						return;
					}
				}
				else if (command.equals("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(PrintWriter out, String text) {
		out.print(text + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
