package dev.gazette.account.internal;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes RFC 9457 problem JSON from the security filters, which run before any controller advice could. */
@Component
public class ApiErrors {

	private final ObjectMapper json;

	public ApiErrors(ObjectMapper json) {
		this.json = json;
	}

	public void write(HttpServletResponse response, int status, String detail, String path) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setInstance(URI.create(path));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
