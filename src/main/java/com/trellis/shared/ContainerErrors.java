package com.trellis.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.RequestDispatcher;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The servlet container's own refusals, made before any filter or controller runs and so
 * out of reach of the app's error handling: a path holding an encoded NUL or control
 * character or bytes that are not UTF-8 ({@code /api/v1/cadence/%00},
 * {@code /api/v1/partners/%C0%AF}), a header holding a control character. On the API
 * ({@code /api/**}) each is answered with the problem detail every other bad input gets
 * ({@code application/problem+json}, its status, {@code errors} naming {@code path} or
 * {@code header} and what must change); a page keeps the container's plain HTML error
 * page (no server version, no report). A request line or headers longer than the
 * container reads ({@link OversizeRequest}) are answered 414 or 431 saying what is too
 * long, on the API as a problem detail, on a page as a short HTML page. The container's
 * error report valve on the host, the one Spring Boot adds included, is replaced by
 * {@link ProblemReport}; runs after Spring Boot's own customizer so that the replaced
 * valve is there to be taken out.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	/** What a refused path is told (field "path"). */
	static final String PATH_TEXT = "is not a valid URL path: it holds an encoded NUL or control character, or "
			+ "bytes that are not UTF-8 (such as %C0%AF); send the path as UTF-8 text";

	/** What a refused header is told (field "header"). */
	static final String HEADER_TEXT = "a request header holds a control character (such as NUL, DEL or a line "
			+ "break) or is malformed; send header names and values of plain text";

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			var host = context.getParent();
			if (host instanceof StandardHost standard) {
				// the host adds no valve of its own when one of this class is there
				standard.setErrorReportValveClass(ProblemReport.class.getName());
			}
			for (var valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReport)) {
					host.getPipeline().removeValve(valve);
				}
			}
			var report = new ProblemReport();
			report.setShowReport(false);
			report.setShowServerInfo(false);
			host.getPipeline().addValve(report);
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The host's error report: a request refused for its size as {@link OversizeRequest}
	 * answers it; any other API request's error not yet answered by the app is written as
	 * a problem detail, any other as the container's HTML page.
	 */
	public static class ProblemReport extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			var oversize = response.getStatus() == 400 && response.getContentWritten() == 0
					? OversizeRequest.of(request) : null;
			if (oversize != null) {
				if (writable(response)) {
					response.setStatus(oversize.status());
					if (oversize.api()) {
						write(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
								JSON.writeValueAsBytes(oversize(oversize)));
					}
					else {
						write(response, MediaType.TEXT_HTML_VALUE, oversize.page().getBytes(StandardCharsets.UTF_8));
					}
				}
				return;
			}
			if (!api(request)) {
				super.report(request, response, throwable);
				return;
			}
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !writable(response)) {
				return;
			}
			write(response, MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					JSON.writeValueAsBytes(problem(request, response, throwable, status)));
		}

		/**
		 * Whether this valve may still write the response, marking the error reported.
		 */
		private static boolean writable(Response response) {
			if (!response.setErrorReported()) {
				return false;
			}
			var writable = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
			return writable.get();
		}

		private static void write(Response response, String type, byte[] body) {
			try {
				response.setContentType(type);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away, or the response cannot be written: nothing to add
			}
		}

		private static LinkedHashMap<String, Object> oversize(OversizeRequest oversize) {
			var problem = new LinkedHashMap<String, Object>();
			problem.put("type", "about:blank");
			problem.put("title", oversize.line() ? "URI Too Long" : "Request Header Fields Too Large");
			problem.put("status", oversize.status());
			problem.put("detail", oversize.detail());
			problem.put("errors", List.of(new InvalidInputException.FieldError(oversize.field(), oversize.message())));
			return problem;
		}

		/** Whether the request's raw path (as sent, before decoding) is the API's. */
		static boolean api(Request request) {
			var raw = request.getCoyoteRequest().requestURI().toString();
			var context = request.getContext();
			return raw != null && raw.startsWith((context == null ? "" : context.getPath()) + "/api/");
		}

		private static LinkedHashMap<String, Object> problem(Request request, Response response, Throwable throwable,
				int status) {
			var problem = new LinkedHashMap<String, Object>();
			var phrase = org.springframework.http.HttpStatus.resolve(status);
			problem.put("type", "about:blank");
			if (status == 400 && request.getContext() == null) {
				// refused by the container before the request reached the app
				var error = error(request, response, throwable);
				problem.put("title", "Invalid input");
				problem.put("status", status);
				problem.put("detail", "Invalid input: " + error.field() + ": " + error.message());
				problem.put("errors", List.of(error));
			}
			else {
				// an error status the app set without writing a body
				var title = phrase != null ? phrase.getReasonPhrase() : "Error";
				var message = response.getMessage();
				problem.put("title", title);
				problem.put("status", status);
				problem.put("detail", message == null || message.isBlank() ? title : message);
			}
			return problem;
		}

		/**
		 * What the container refused: the path when it could not decode or normalize it,
		 * else a header (the only other part the container checks before the app).
		 */
		private static InvalidInputException.FieldError error(Request request, Response response, Throwable throwable) {
			var cause = throwable != null ? throwable
					: request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown ? thrown
							: null;
			var said = ((response.getMessage() == null ? "" : response.getMessage()) + " "
					+ (cause == null || cause.getMessage() == null ? "" : cause.getMessage()))
				.toLowerCase(java.util.Locale.ROOT);
			if (said.contains("header")) {
				return new InvalidInputException.FieldError("header", HEADER_TEXT);
			}
			if (said.contains("uri") || said.contains("path") || request.getDecodedRequestURI() == null
					|| request.getDecodedRequestURI().isEmpty()) {
				return new InvalidInputException.FieldError("path", PATH_TEXT);
			}
			return new InvalidInputException.FieldError("request",
					"is malformed; send a plain URL path and headers of plain text");
		}

	}

}
