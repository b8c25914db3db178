package dev.gazette.account.internal;

import dev.gazette.account.FormProtection;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form refused for its missing or stale token is marked ({@link FormProtection#REFUSED_FORM}) and answered 403, so
 * the error page can give the reader's text back, ready to send again; every other refusal is the usual 403 page.
 * It is an error dispatch rather than a forward: a forwarded page is committed by the container behind the backs of
 * the response wrappers that write the security headers, and would go out without them.
 */
public class RefusedForms implements AccessDeniedHandler {

	private final AccessDeniedHandlerImpl others = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
			throws IOException, ServletException {
		if (refusal instanceof CsrfException && !response.isCommitted()) {
			request.setAttribute(FormProtection.REFUSED_FORM, refusal);
			request.setAttribute(FormProtection.REFUSED_FIELDS, new LinkedHashMap<>(request.getParameterMap()));
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		others.handle(request, response, refusal);
	}
}
