package dev.gazette.webhook.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.gazette.publication.Publications;
import dev.gazette.refusal.FieldProblem;
import dev.gazette.refusal.FormChecks;
import dev.gazette.webhook.internal.Webhooks.Webhook;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static dev.gazette.publication.Timestamps.articleTimeOrNull;

/** {@code /admin/webhooks}: register, pause and remove webhooks, and see the latest deliveries (admins only). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebhookAdminPage {

	static final String PATH = "/admin/webhooks";

	private static final int DELIVERIES = 50;

	private final Webhooks webhooks;

	private final DeliveryQueue queue;

	private final Publications publications;

	private final Clock clock;

	WebhookAdminPage(Webhooks webhooks, DeliveryQueue queue, Publications publications, Clock clock) {
		this.webhooks = webhooks;
		this.queue = queue;
		this.publications = publications;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String page(HttpServletResponse response, Model model) {
		return view(response, model, null, null, "", "");
	}

	@PostMapping(PATH)
	String register(@Valid WebhookForm form, BindingResult checks, HttpServletResponse response, Model model) {
		List<FieldProblem> problems = FormChecks.problems(checks, WebhookForm.class);
		if (!problems.isEmpty()) {
			response.setStatus(400);
			return view(response, model, null, problems.get(0).message(), form.url() == null ? "" : form.url(),
					form.description() == null ? "" : form.description());
		}
		return view(response, model, webhooks.register(form, clock.instant()), null, "", "");
	}

	@PostMapping(PATH + "/{id}/active")
	String active(@PathVariable long id, @RequestParam boolean active) {
		webhooks.setActive(id, active);
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/{id}/delete")
	String delete(@PathVariable long id) {
		webhooks.delete(id);
		return "redirect:" + PATH;
	}

	private String view(HttpServletResponse response, Model model, Webhook created, String problem, String url,
			String description) {
		// Secrets are on this page: never cached.
		response.setHeader("Cache-Control", "no-store");
		ZoneId zone = publications.current().timeZone();
		List<Webhook> all = webhooks.all();
		Map<Long, Webhook> byId = all.stream().collect(Collectors.toMap(Webhook::id, Function.identity()));
		List<WebhooksView.Line> deliveries = queue.latest(DELIVERIES)
			.stream()
			.map(d -> new WebhooksView.Line(d.deliveryId(), d.eventType(),
					byId.containsKey(d.webhookId()) ? byId.get(d.webhookId()).url() : "(removed)", d.status(),
					d.attempts(), d.lastStatus(), d.lastError(), articleTimeOrNull(d.createdAt(), zone),
					"queued".equals(d.status()) ? articleTimeOrNull(d.nextAttemptAt(), zone) : null))
			.toList();
		model.addAttribute("webhooks", new WebhooksView(all.stream().map(hook -> hook(hook, zone)).toList(), deliveries,
				Arrays.stream(WebhookEvent.values()).map(WebhookEvent::key).toList(),
				created == null ? null : hook(created, zone), problem, url, description));
		return "webhook/admin";
	}

	private static WebhooksView.Hook hook(Webhook hook, ZoneId zone) {
		return new WebhooksView.Hook(hook.id(), hook.url(), hook.description(),
				String.join(", ", hook.events().stream().map(WebhookEvent::key).toList()), hook.secret(), hook.active(),
				articleTimeOrNull(hook.createdAt(), zone));
	}
}
