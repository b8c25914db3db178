package dev.gazette.newsroom.internal;

import dev.gazette.newsroom.NewsroomException;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal that no newsroom page shows on its own form (a reader opening the list, an editor following a link to a
 * piece since deleted): the site's error page with the refusal's kind's status ({@link NewsroomException.Kind#status()}).
 * A refused form is not handled here: the page shows the form again with the writer's text and the reason.
 */
@ControllerAdvice(assignableTypes = { ArticlePages.class, RevisionPages.class, FrontPageDesk.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NewsroomErrorPages {

	@ExceptionHandler(NewsroomException.class)
	public void refused(NewsroomException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.kind().status().value());
	}
}
