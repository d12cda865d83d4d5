package org.backsafe.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors as RFC 9457 {@code application/problem+json}: bad fields named one by one, never a stack
 * trace, never the client's input echoed back except a value that looks like a code. An error never
 * grows with the input: at most {@link InvalidAnswers#MAX_NAMED} fields are named, and
 * {@code errorCount} says how many there were in all. It also covers Spring MVC's own errors (such
 * as 415 for a body that is not JSON), which arise before a handler is chosen and so cannot be
 * limited to the API's controllers.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	static final URI INVALID_ANSWERS = URI.create("https://backsafe.org/problems/invalid-answers");

	static final URI UNREADABLE_BODY = URI.create("https://backsafe.org/problems/unreadable-body");

	private static final Pattern FIELD_LIKE = Pattern.compile("[A-Za-z0-9_.\\[\\]]{1,80}");

	/** How Jackson words a field given twice (with duplicate detection on, see {@link StrictJson}). */
	private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object property|field) \"(.*)\"");

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidAnswers(InvalidAnswers ex) {
		return ResponseEntity.badRequest().body(invalid(ex.problems(), ex.count()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		ProblemDetail problem;
		if (cause instanceof JacksonException jackson) {
			boolean inAField = !jackson.getPath().isEmpty();
			Matcher duplicate = DUPLICATE.matcher(String.valueOf(jackson.getOriginalMessage()));
			if (duplicate.matches()) {
				String field = (inAField ? path(jackson) + "." : "") + duplicate.group(1);
				problem = invalid(List.of(new InvalidAnswers.FieldProblem(
						FIELD_LIKE.matcher(field).matches() ? field : "?", "is given more than once; give it once")));
			}
			else if (cause instanceof InputCoercionException && inAField) {
				problem = invalid(List.of(new InvalidAnswers.FieldProblem(path(jackson), "is far out of range")));
			}
			else if (cause instanceof MismatchedInputException mismatch) {
				problem = inAField ? invalid(List.of(new InvalidAnswers.FieldProblem(path(mismatch),
						"has the wrong type: " + expected(mismatch))))
						: unreadable("The body must be a JSON object holding the answers.");
			}
			else {
				problem = unreadable("The body is not well-formed JSON.");
			}
		}
		else {
			problem = unreadable("The body is empty or cannot be read; send the answers as a JSON object.");
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A path that names nothing is a problem for the API; anything else gets the servlet container's
	 * 404, which sends a browser to the HTML page error/404 (this advice is global, see above, so it
	 * must hand the error back here).
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())
				&& servlet.getResponse() != null) {
			try {
				servlet.getResponse().sendError(status.value());
			}
			catch (IOException failed) {
				throw new UncheckedIOException(failed);
			}
			return null;
		}
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

	private static ProblemDetail unreadable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(UNREADABLE_BODY);
		problem.setTitle("Unreadable body");
		return problem;
	}

	/** Spring's own detail repeats the Content-Type header as sent, markup and all. */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"Send the answers as JSON, with the header Content-Type: application/json.");
		problem.setTitle("Unsupported Media Type");
		return ResponseEntity.status(status).headers(headers).body(problem);
	}

	private static ProblemDetail invalid(List<InvalidAnswers.FieldProblem> problems) {
		return invalid(problems, problems.size());
	}

	private static ProblemDetail invalid(List<InvalidAnswers.FieldProblem> problems, int count) {
		List<InvalidAnswers.FieldProblem> named = problems.subList(0,
				Math.min(problems.size(), InvalidAnswers.MAX_NAMED));
		String detail = (count == 1) ? "One answer is not valid."
				: (named.size() < count) ? count + " answers are not valid; the first " + named.size() + " are named."
						: count + " answers are not valid.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID_ANSWERS);
		problem.setTitle("Invalid answers");
		problem.setProperty("errors",
				named.stream().map((p) -> Map.of("field", p.field(), "message", p.message())).toList());
		problem.setProperty("errorCount", count);
		return problem;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		String field = path.toString();
		return FIELD_LIKE.matcher(field).matches() ? field : "?";
	}

	private static String expected(MismatchedInputException ex) {
		Class<?> target = ex.getTargetType();
		if (target == null) {
			return "see the API description";
		}
		if (target == Integer.class || target == int.class) {
			return "expected a whole number";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "expected true or false";
		}
		if (List.class.isAssignableFrom(target)) {
			return "expected a list of codes";
		}
		if (target == String.class) {
			return "expected a code as text";
		}
		return "expected an object";
	}

}
