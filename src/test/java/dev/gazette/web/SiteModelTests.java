package dev.gazette.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's model is built for pages only: a handler that writes its answer as the body (the JSON API) renders no
 * layout, so it must not pay for the publication's and the sections' reads on every call.
 */
class SiteModelTests {

	@Test
	void aRestControllerAndAResponseBodyMethodAnswerWithTheirBody() throws Exception {
		assertThat(SiteModel.answersWithBody(handledBy(new Api(), "post"))).isTrue();
		assertThat(SiteModel.answersWithBody(handledBy(new Page(), "status"))).isTrue();
	}

	@Test
	void aPageMethodGetsTheLayoutsModel() throws Exception {
		assertThat(SiteModel.answersWithBody(handledBy(new Page(), "show"))).isFalse();
		// An error page or a request no handler took (a static file) is rendered with the layout as before.
		assertThat(SiteModel.answersWithBody(new MockHttpServletRequest("GET", "/error"))).isFalse();
	}

	private static MockHttpServletRequest handledBy(Object controller, String method) throws NoSuchMethodException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				new HandlerMethod(controller, controller.getClass().getDeclaredMethod(method)));
		return request;
	}

	@RestController
	static class Api {

		String post() {
			return "{}";
		}
	}

	@Controller
	static class Page {

		String show() {
			return "web/reading/page";
		}

		@ResponseBody
		String status() {
			return "{}";
		}
	}
}
